package io.winrminvoke.engine.winrm.transport.auth;

import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.WinRmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the user reads when Negotiate fails on a host: which mechanism, what the host (or the
 * KDC) said, and the Windows code an administrator would search for. Every failure here is
 * AUTH_FAILED (never retried: a retry repeats the refusal and counts toward lockout) and happens
 * before the host could run anything.
 *
 * @param user the user name as given (never the password)
 * @param spn  the SPN Kerberos asked a ticket for, or null when Kerberos is not in play
 */
public record AuthFailureText(String user, String spn) {

    /** The mechanism could not start or produce its first token: nothing was sent. */
    WinRmException beforeSending(SecurityContext context, AuthProtocolException e) {
        return failure(context, e.getMessage(), e);
    }

    /** The host's token was refused by our side (malformed, or it failed to prove the host's identity). */
    WinRmException hostTokenRefused(SecurityContext context, AuthProtocolException e) {
        return failure(context, "the host's answer was not accepted: " + e.getMessage(), e);
    }

    WinRmException protocol(SecurityContext context, String what) {
        return failure(context, what, null);
    }

    /** HTTP 401 during the handshake. */
    WinRmException refused(SecurityContext context, List<String> challenges, int leg, boolean plainHttp) {
        List<String> offered = schemes(challenges);
        if (offered.stream().noneMatch("negotiate"::equalsIgnoreCase)) {
            return failure(context, "the host does not accept Negotiate authentication (HTTP 401; "
                    + (offered.isEmpty() ? "it offered no scheme" : "it offered " + String.join(", ", offered))
                    + "): enable it on the host (winrm set winrm/config/service/auth @{Negotiate=\"true\"})"
                    + (offered.stream().anyMatch("basic"::equalsIgnoreCase) ? ", or use auth basic over HTTPS" : ""),
                    null);
        }
        String mechanism = context == null ? "Negotiate" : context.mechanism();
        String cbt = plainHttp ? "" : "; over HTTPS a host with CbtHardeningLevel=Strict also refuses a missing or "
                + "wrong channel binding";
        if ("NTLM".equals(mechanism)) {
            if (leg == 1) {
                return failure(context, "the host refused to start NTLM (HTTP 401 to the NEGOTIATE message): NTLM may be "
                        + "disabled on the host or in the domain (Network security: Restrict NTLM)", null);
            }
            return failure(context, "the host refused the logon of user '" + user + "' (HTTP 401 to the AUTHENTICATE "
                    + "message): wrong password, or an unknown, disabled, locked or expired account "
                    + "(SEC_E_LOGON_DENIED 0x8009030C)" + cbt, null);
        }
        String strict = plainHttp ? "" : "; over HTTPS a host with CbtHardeningLevel=Strict also refuses Kerberos "
                + "without channel binding, which this JVM can send only with --add-exports "
                + "java.security.jgss/sun.security.jgss.krb5.internal=ALL-UNNAMED (docs/auth.md): else use HTTP, "
                + "where every message is sealed, or NTLM";
        return failure(context, "the host refused the Kerberos ticket for " + spn + " of user '" + user
                + "' (HTTP 401): the SPN may be registered to another account than the host's, so the host cannot "
                + "decrypt it (KRB_AP_ERR_MODIFIED), or the host's clock is off (KRB_AP_ERR_SKEW)" + strict, null);
    }

    /** HTTP 401 on a connection that had authenticated. */
    WinRmException sessionRefused(SecurityContext context, List<String> challenges, boolean plainHttp) {
        return failure(context, "the host no longer accepts this connection's authentication (HTTP 401 after the "
                + "handshake" + (plainHttp ? "; it may not accept our sealed messages" : "") + ")", null);
    }

    private WinRmException failure(SecurityContext context, String what, Throwable cause) {
        String mechanism = context == null ? "Negotiate" : context.mechanism();
        String note = context instanceof NegotiateContext negotiate && negotiate.kerberosSkipped() != null
                ? " (Kerberos was not used: " + negotiate.kerberosSkipped() + ")" : "";
        // the mechanism's own messages name it already ("Kerberos: wrong password ...")
        String text = what.matches("(?s)(Kerberos|NTLM|Negotiate): .*") ? what : mechanism + ": " + what;
        return new WinRmException(FailureKind.AUTH_FAILED, false, text + note, cause);
    }

    /** Scheme names of WWW-Authenticate challenges: {@code Negotiate}, {@code Basic} from {@code Basic realm=...}. */
    public static List<String> schemes(List<String> challenges) {
        List<String> schemes = new ArrayList<>();
        for (String challenge : challenges) {
            // One header may hold several comma-separated challenges; a scheme is a token without
            // '=' at the start of one (a Negotiate token is base64 and may end in '=').
            for (String part : challenge.split(",")) {
                String token = part.strip().split("\\s+", 2)[0];
                if (!token.isEmpty() && !token.contains("=") && schemes.stream()
                        .noneMatch(s -> s.toLowerCase(Locale.ROOT).equals(token.toLowerCase(Locale.ROOT)))) {
                    schemes.add(token);
                }
            }
        }
        return schemes;
    }
}
