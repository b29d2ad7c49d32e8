package io.winrminvoke.engine.winrm.transport.auth;

import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.WinRmException;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The Negotiate scheme on one connection: the token exchange (sent at once, without first
 * collecting an anonymous 401), then every message sealed over HTTP, or sent as is over HTTPS
 * with the context bound to the TLS channel.
 *
 * <p>Round trips before the first answer: NTLM sends NEGOTIATE with an empty body, gets the
 * CHALLENGE in a 401, then sends AUTHENTICATE together with the first (sealed) message, which
 * MS-WSMV 2.2.9.1.1.1 allows ("the client MUST include the Authorization field ... until the
 * service responds with 200"): 2. Kerberos over HTTP: the AP-REQ with an empty body (no message
 * can be sealed before the host's AP-REP names the session subkey), then the message: 2. Kerberos
 * over HTTPS: the AP-REQ goes with the message: 1.
 */
public final class NegotiateAuthenticator implements ConnectionAuthenticator {

    /** NTLM needs 2 legs, SPNEGO Kerberos 1 or 2; more means the host is looping. */
    private static final int MAX_LEGS = 4;
    private static final int HTTP_UNAUTHORIZED = 401;

    private final SecurityContextSource source;
    private final ChannelBindings bindings;
    private final boolean seal;
    private final AuthFailureText failures;
    private SecurityContext context;
    private boolean authenticated;

    /**
     * @param seal     seal every message (plain HTTP); over HTTPS the TLS channel protects them
     * @param failures words for the user when the host says no
     */
    public NegotiateAuthenticator(SecurityContextSource source, ChannelBindings bindings, boolean seal,
                                  AuthFailureText failures) {
        this.source = source;
        this.bindings = bindings;
        this.seal = seal;
        this.failures = failures;
    }

    @Override
    public WireReply exchange(byte[] soap, Wire wire) throws IOException, WinRmException {
        if (!authenticated) {
            return authenticate(soap, wire);
        }
        return opened(checkedAfterHandshake(wire.send(message(soap, null))));
    }

    private WireReply authenticate(byte[] soap, Wire wire) throws IOException, WinRmException {
        byte[] token;
        try {
            context = source.newContext(bindings);
            token = context.step(null);
        } catch (AuthProtocolException e) {
            throw failures.beforeSending(context, e);
        }
        for (int leg = 1; leg <= MAX_LEGS; leg++) {
            // Over HTTPS a Kerberos AP-REQ usually completes the context, so the message rides along.
            boolean withMessage = context.isEstablished() || (!seal && "Kerberos".equals(context.mechanism()));
            String authorization = "Negotiate " + Base64.getEncoder().encodeToString(token);
            WireReply reply = wire.send(withMessage ? message(soap, authorization) : WireRequest.tokenOnly(authorization));
            byte[] hostToken = negotiateToken(reply.challenges());
            if (reply.status() == HTTP_UNAUTHORIZED) {
                if (hostToken == null || context.isEstablished()) {
                    throw failures.refused(context, reply.challenges(), leg, seal);
                }
                token = step(hostToken);
                if (token == null) {
                    throw failures.protocol(context, "the host asked for another token after the last one");
                }
                continue;
            }
            if (hostToken != null && !context.isEstablished()) {
                step(hostToken); // Kerberos: the AP-REP, which proves the host's identity (mutual auth)
            }
            if (!context.isEstablished()) {
                throw failures.protocol(context, "the host answered HTTP " + reply.status()
                        + " before the handshake was complete (no mutual authentication)");
            }
            authenticated = true;
            if (withMessage) {
                return opened(reply);
            }
            if (reply.status() / 100 != 2) {
                throw failures.protocol(context, "the host answered the handshake with HTTP " + reply.status());
            }
            return opened(checkedAfterHandshake(wire.send(message(soap, null))));
        }
        throw failures.protocol(context, "no agreement after " + MAX_LEGS + " handshake legs");
    }

    private byte[] step(byte[] hostToken) throws WinRmException {
        try {
            return context.step(hostToken);
        } catch (AuthProtocolException e) {
            throw failures.hostTokenRefused(context, e);
        }
    }

    /** A 401 on an authenticated connection: the host dropped the session (it would not take the same logon twice). */
    private WireReply checkedAfterHandshake(WireReply reply) throws WinRmException {
        if (reply.status() == HTTP_UNAUTHORIZED) {
            throw failures.sessionRefused(context, reply.challenges(), seal);
        }
        return reply;
    }

    private WireRequest message(byte[] soap, String authorization) {
        if (!seal) {
            return new WireRequest(authorization, EncryptedMessage.SOAP_CONTENT_TYPE, soap);
        }
        return new WireRequest(authorization, EncryptedMessage.CONTENT_TYPE, EncryptedMessage.seal(context, soap));
    }

    /** The answer's SOAP: unsealed when it came sealed (Windows seals faults too; a 401 or a bare 500 is not). */
    private WireReply opened(WireReply reply) throws WinRmException {
        if (!EncryptedMessage.isEncrypted(reply.contentType())) {
            if (seal && reply.status() / 100 == 2 && reply.body().length > 0) {
                throw new WinRmException(FailureKind.PROTOCOL_ERROR, false,
                        "the host answered in clear on a sealed connection (HTTP " + reply.status() + ")");
            }
            return reply;
        }
        try {
            return reply.withBody(EncryptedMessage.SOAP_CONTENT_TYPE,
                    EncryptedMessage.open(context, reply.contentType(), reply.body()));
        } catch (AuthProtocolException e) {
            throw new WinRmException(FailureKind.PROTOCOL_ERROR, false,
                    context.mechanism() + ": cannot unseal the host's answer: " + e.getMessage(), e);
        }
    }

    /** The token of a {@code WWW-Authenticate: Negotiate <base64>} challenge, or null. */
    static byte[] negotiateToken(List<String> challenges) {
        for (String challenge : challenges) {
            for (String part : challenge.split(",")) {
                String[] words = part.strip().split("\\s+", 2);
                if (words.length == 2 && words[0].toLowerCase(Locale.ROOT).equals("negotiate")) {
                    try {
                        return Base64.getDecoder().decode(words[1].strip());
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
