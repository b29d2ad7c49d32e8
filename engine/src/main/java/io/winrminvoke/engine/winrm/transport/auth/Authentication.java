package io.winrminvoke.engine.winrm.transport.auth;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.winrm.AuthMethod;
import io.winrminvoke.engine.winrm.ConnectionSettings;
import io.winrminvoke.engine.winrm.transport.auth.kerberos.KerberosContexts;
import io.winrminvoke.engine.winrm.transport.auth.kerberos.KerberosLogins;
import io.winrminvoke.engine.winrm.transport.auth.ntlm.NtlmContext;
import io.winrminvoke.engine.winrm.transport.auth.ntlm.NtlmCredentials;

/** The authentication of a host's connections, from its settings: the one place methods are told apart. */
public final class Authentication {

    private Authentication() {
    }

    public static AuthenticatorFactory factoryFor(ConnectionSettings settings, KerberosLogins logins) {
        AuthMethod method = settings.auth().method();
        if (method == AuthMethod.BASIC) {
            BasicAuthenticator basic = new BasicAuthenticator(settings.user(), settings.password());
            return tls -> basic;
        }
        KerberosContexts kerberos = new KerberosContexts(logins, settings);
        SecurityContextSource ntlm = ntlm(settings, kerberos.configuredSpn());
        SecurityContextSource source = switch (method) {
            case NTLM -> ntlm;
            case KERBEROS -> kerberos;
            default -> bindings -> new NegotiateContext(kerberos, settings.password() == null ? null : ntlm, bindings);
        };
        AuthFailureText text = new AuthFailureText(settings.user(), kerberos.configuredSpn());
        boolean seal = !settings.https();
        return tls -> new NegotiateAuthenticator(source, ServerEndPoint.bindings(tls), seal, text);
    }

    private static SecurityContextSource ntlm(ConnectionSettings settings, String spn) {
        return bindings -> {
            NtlmCredentials credentials;
            try {
                credentials = NtlmCredentials.parse(settings.user(), settings.password());
            } catch (InvalidInputException e) {
                throw new AuthProtocolException("NTLM: " + e.getMessage(), e);
            }
            return NtlmContext.client(credentials, spn, bindings);
        };
    }
}
