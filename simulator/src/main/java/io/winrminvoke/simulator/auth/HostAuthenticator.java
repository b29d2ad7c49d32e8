package io.winrminvoke.simulator.auth;

import io.winrminvoke.simulator.auth.cbt.ChannelBindings;
import io.winrminvoke.simulator.auth.kerberos.KerberosAcceptor;
import io.winrminvoke.simulator.auth.kerberos.KerberosException;
import io.winrminvoke.simulator.auth.kerberos.KerberosService;
import io.winrminvoke.simulator.auth.ntlm.NtlmAccount;
import io.winrminvoke.simulator.auth.ntlm.NtlmAcceptor;
import io.winrminvoke.simulator.auth.ntlm.NtlmException;
import io.winrminvoke.simulator.auth.ntlm.NtlmSessionSecurity;
import io.winrminvoke.simulator.auth.spnego.GssFraming;
import io.winrminvoke.simulator.auth.spnego.NegTokenInit;
import io.winrminvoke.simulator.auth.spnego.NegTokenResp;
import io.winrminvoke.simulator.auth.spnego.SpnegoException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One host's WinRM authentication the way Windows answers it: Basic, Negotiate (NTLM raw or in
 * SPNEGO, Kerberos raw or in SPNEGO) and the {@code Kerberos} scheme, each per {@link AuthSettings};
 * then the unsealing of encrypted requests and the sealing of answers. Free of HTTP server types:
 * it sees headers and bodies, and the {@link ConnectionSecurity} of the request's connection.
 */
public final class HostAuthenticator {
    private static final String NEGOTIATE = "Negotiate";
    private static final String KERBEROS = "Kerberos";

    private final AuthSettings settings;
    private final String computerName;
    private final String user;
    private final String password;
    private final NtlmAccount account;
    private final KerberosService kerberos;
    private final String realm;
    private final ChannelBindings bindings;
    private final boolean https;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param computerName the host's NetBIOS name, the domain of its local accounts
     * @param kerberos     the service keys, required when {@code settings.kerberos()}
     * @param realm        the realm Kerberos clients must be of, or null for any
     * @param bindings     the HTTPS listener's channel bindings; null for HTTP
     */
    public HostAuthenticator(AuthSettings settings, String computerName, String user, String password,
                             KerberosService kerberos, String realm, ChannelBindings bindings) {
        if (settings.kerberos() && kerberos == null) {
            throw new IllegalArgumentException("kerberos: enabled without a keytab (set the fleet's kerberos keytab)");
        }
        this.settings = settings;
        this.computerName = computerName.toUpperCase(Locale.ROOT);
        this.user = user;
        this.password = password;
        this.account = NtlmAccount.parse(user);
        this.kerberos = kerberos;
        this.realm = realm;
        this.bindings = bindings;
        this.https = bindings != null;
    }

    public AuthSettings settings() {
        return settings;
    }

    /** The WWW-Authenticate offers of a 401, one header each, in the order Windows sends them. */
    public List<String> offers() {
        List<String> offers = new ArrayList<>();
        if (settings.negotiate()) {
            offers.add(NEGOTIATE);
        }
        if (settings.kerberos()) {
            offers.add(KERBEROS);
        }
        if (settings.basicAllowed(https)) {
            offers.add("Basic realm=\"WSMAN\"");
        }
        return offers;
    }

    /** Authenticates one request on its connection and unseals its body. */
    public AuthResult authenticate(AuthRequest request, ConnectionSecurity connection) {
        synchronized (connection) {
            String header = request.authorization().isEmpty() ? null : request.authorization().get(0);
            String who;
            List<String> finalToken = List.of();
            if (header == null) {
                if (!connection.established()) {
                    return unauthorized(null);
                }
                who = connection.user;
            } else {
                String[] parts = header.trim().split("\\s+", 2);
                String scheme = parts[0];
                String credentials = parts.length > 1 ? parts[1].trim() : "";
                if (scheme.equalsIgnoreCase("Basic")) {
                    if (!settings.basicAllowed(https) || !basicMatches(credentials)) {
                        return unauthorized(settings.basicAllowed(https) ? "Basic: wrong user or password"
                                : "Basic: not allowed on this listener");
                    }
                    who = user;
                } else if ((scheme.equalsIgnoreCase(NEGOTIATE) && settings.negotiate())
                        || (scheme.equalsIgnoreCase(KERBEROS) && settings.kerberos())) {
                    AuthResult step = negotiate(scheme.equalsIgnoreCase(KERBEROS) ? KERBEROS : NEGOTIATE,
                            credentials, connection);
                    if (step != null) {
                        return step; // a handshake leg or a refusal
                    }
                    who = connection.user;
                    finalToken = connection.takeFinalToken();
                } else {
                    return unauthorized(scheme + ": scheme not offered");
                }
            }
            return body(request, connection, header == null || !isBasic(header), who, finalToken);
        }
    }

    private AuthResult body(AuthRequest request, ConnectionSecurity connection, boolean negotiated, String who,
                            List<String> finalToken) {
        if (EncryptedBody.isEncrypted(request.contentType())) {
            if (!negotiated || connection.seal == null) {
                return AuthResult.answer(400, finalToken, "sealed body on a connection without a security context");
            }
            String protocol = EncryptedBody.protocolOf(request.contentType());
            try {
                List<EncryptedBody.Part> parts = EncryptedBody.parse(request.body());
                ByteArrayOutputStream soap = new ByteArrayOutputStream();
                for (EncryptedBody.Part part : parts) {
                    byte[] plain = connection.seal.unseal(part);
                    if (plain.length != part.originalLength()) {
                        throw new IllegalArgumentException("unsealed length differs from OriginalContent Length");
                    }
                    soap.writeBytes(plain);
                }
                return AuthResult.proceed(soap.toByteArray(), finalToken,
                        protocol == null ? EncryptedBody.SPNEGO_PROTOCOL : protocol, who);
            } catch (IllegalArgumentException | NtlmException | KerberosException e) {
                return AuthResult.answer(400, finalToken, "sealed body does not unseal: " + e.getMessage());
            }
        }
        if (request.body().length > 0 && !https && !settings.allowUnencrypted()) {
            // Windows refuses clear SOAP over HTTP with AllowUnencrypted=false: HTTP 500, empty body
            return AuthResult.answer(500, finalToken, "unencrypted request refused (AllowUnencrypted=false)");
        }
        return AuthResult.proceed(request.body(), finalToken, null, who);
    }

    /** Seals an answer the way the request was sealed; returns the Content-Type and body to send. */
    public SealedAnswer seal(AuthResult result, ConnectionSecurity connection, byte[] soap) {
        synchronized (connection) {
            EncryptedBody.Part part = connection.seal.seal(soap);
            return new SealedAnswer(EncryptedBody.contentType(result.sealedWith()),
                    EncryptedBody.build(result.sealedWith(), part));
        }
    }

    /** The Content-Type and body of a sealed answer. */
    public record SealedAnswer(String contentType, byte[] body) {
    }

    // ---- Negotiate ----

    /** A handshake step: null when the logon completed (the request goes on), else the answer. */
    private AuthResult negotiate(String scheme, String credentials, ConnectionSecurity c) {
        byte[] token;
        try {
            token = Base64.getDecoder().decode(credentials);
        } catch (IllegalArgumentException e) {
            c.reset();
            return unauthorized(scheme + ": token is not base64");
        }
        try {
            if (NtlmAcceptor.isNtlmToken(token)) {
                return rawNtlm(scheme, token, c);
            }
            GssFraming framing = GssFraming.parse(token);
            if (framing != null && framing.mechanism().equals(GssFraming.SPNEGO)) {
                return spnegoInit(scheme, token, NegTokenInit.parse(framing.innerToken()), c);
            }
            if (framing != null && isKerberos(framing.mechanism())) {
                return kerberosStep(scheme, token, false, true, c);
            }
            if (NegTokenResp.looksLike(token)) {
                return spnegoContinue(scheme, token, NegTokenResp.parse(token), c);
            }
            c.reset();
            return unauthorized(scheme + ": unknown token");
        } catch (NtlmException | SpnegoException | KerberosException e) {
            c.reset();
            return unauthorized(scheme + ": " + e.getMessage());
        }
    }

    private AuthResult rawNtlm(String scheme, byte[] token, ConnectionSecurity c) {
        if (!settings.ntlm()) {
            throw new NtlmException("NTLM is not enabled on this host");
        }
        if (token.length >= 12 && token[8] == 1) {
            c.reset();
            c.ntlm = newNtlmAcceptor();
            return challenge(scheme, c.ntlm.challenge(token));
        }
        if (c.ntlm == null || c.spnego) {
            throw new NtlmException("NTLM AUTHENTICATE without a CHALLENGE on this connection");
        }
        establishNtlm(c, c.ntlm.authenticate(token), scheme, null);
        return null;
    }

    private AuthResult spnegoInit(String scheme, byte[] token, NegTokenInit init, ConnectionSecurity c) {
        c.reset();
        String first = init.mechTypes().get(0);
        if (settings.kerberos() && isKerberos(first) && init.mechToken() != null) {
            return kerberosStep(scheme, token, true, true, c);
        }
        if (!settings.ntlm() || !init.mechTypes().contains(GssFraming.NTLM)) {
            throw new SpnegoException("no mechanism offered that this host accepts (offered " + init.mechTypes() + ")", null);
        }
        c.spnego = true;
        c.spnegoMechTypes = init.mechTypesDer();
        c.ntlm = newNtlmAcceptor();
        if (first.equals(GssFraming.NTLM) && init.mechToken() != null) {
            byte[] challenge = c.ntlm.challenge(init.mechToken());
            return challenge(scheme, new NegTokenResp(NegTokenResp.ACCEPT_INCOMPLETE, GssFraming.NTLM, challenge, null).encode());
        }
        // NTLM was not the client's first choice: ask for it; the mechListMIC then becomes mandatory
        c.micRequired = true;
        return challenge(scheme, new NegTokenResp(NegTokenResp.ACCEPT_INCOMPLETE, GssFraming.NTLM, null, null).encode());
    }

    private AuthResult spnegoContinue(String scheme, byte[] token, NegTokenResp resp, ConnectionSecurity c) {
        if (c.kerberos != null) {
            return kerberosStep(scheme, token, true, false, c);
        }
        if (!c.spnego || c.ntlm == null || resp.responseToken() == null) {
            throw new SpnegoException("SPNEGO continuation without a handshake on this connection", null);
        }
        byte[] inner = resp.responseToken();
        if (inner.length >= 12 && inner[8] == 1) {
            byte[] challenge = c.ntlm.challenge(inner);
            return challenge(scheme, new NegTokenResp(NegTokenResp.ACCEPT_INCOMPLETE, null, challenge, null).encode());
        }
        NtlmSessionSecurity security = c.ntlm.authenticate(inner);
        byte[] serverMic = null;
        if (resp.mechListMic() != null) {
            security.verifyMechListMic(resp.mechListMic(), c.spnegoMechTypes);
            serverMic = security.signMechListMic(c.spnegoMechTypes);
        } else if (c.micRequired) {
            throw new SpnegoException("mechListMIC missing although NTLM was not the first mechanism", null);
        }
        byte[] done = new NegTokenResp(NegTokenResp.ACCEPT_COMPLETED, null, null, serverMic).encode();
        establishNtlm(c, security, scheme, scheme + " " + Base64.getEncoder().encodeToString(done));
        return null;
    }

    private AuthResult kerberosStep(String scheme, byte[] token, boolean spnego, boolean first, ConnectionSecurity c) {
        if (!settings.kerberos()) {
            throw new KerberosException("Kerberos is not enabled on this host", null);
        }
        if (first || c.kerberos == null) {
            c.reset();
            c.kerberos = new KerberosAcceptor(kerberos, spnego, bindings, settings.cbtHardeningLevel());
        }
        byte[] out = c.kerberos.accept(token);
        String reply = out == null ? null : scheme + " " + Base64.getEncoder().encodeToString(out);
        if (!c.kerberos.established()) {
            return challenge(reply);
        }
        String principal = c.kerberos.clientPrincipal();
        if (!principalMatches(principal)) {
            throw new KerberosException("principal " + principal + " is not the account this host accepts", null);
        }
        c.seal = SessionSeal.of(c.kerberos::wrap, c.kerberos::unwrap);
        c.user = principal;
        c.scheme = scheme;
        c.finalToken = reply;
        return null;
    }

    private void establishNtlm(ConnectionSecurity c, NtlmSessionSecurity security, String scheme, String finalToken) {
        c.seal = SessionSeal.of(security::seal, security::unseal);
        c.user = c.ntlm.authenticatedUser();
        c.scheme = scheme;
        c.finalToken = finalToken;
        c.ntlm = null;
    }

    private NtlmAcceptor newNtlmAcceptor() {
        return new NtlmAcceptor(account, password, computerName, bindings == null ? null : bindings.md5Hash(),
                settings.cbtHardeningLevel(), random);
    }

    /** The Kerberos client must be the configured account: same name (any case), in the realm if one is set. */
    private boolean principalMatches(String principal) {
        int at = principal.lastIndexOf('@');
        String name = at < 0 ? principal : principal.substring(0, at);
        return name.equalsIgnoreCase(account.name()) && (realm == null || (at >= 0 && principal.substring(at + 1).equals(realm)));
    }

    private static boolean isKerberos(String oid) {
        return oid.equals(GssFraming.KERBEROS) || oid.equals(GssFraming.KERBEROS_MICROSOFT);
    }

    private boolean basicMatches(String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && decoded.substring(0, colon).equalsIgnoreCase(user)
                && MessageDigest.isEqual(decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isBasic(String header) {
        return header.regionMatches(true, 0, "Basic", 0, 5);
    }

    private static AuthResult challenge(String scheme, byte[] token) {
        return challenge(scheme + " " + Base64.getEncoder().encodeToString(token));
    }

    private static AuthResult challenge(String header) {
        return AuthResult.answer(401, header == null ? List.of() : List.of(header), null);
    }

    private AuthResult unauthorized(String failure) {
        return AuthResult.answer(401, offers(), failure);
    }
}
