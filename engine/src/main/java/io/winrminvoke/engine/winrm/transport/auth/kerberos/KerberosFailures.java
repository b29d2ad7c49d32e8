package io.winrminvoke.engine.winrm.transport.auth.kerberos;

import io.winrminvoke.engine.winrm.KerberosSettings;
import io.winrminvoke.engine.winrm.transport.auth.AuthProtocolException;
import io.winrminvoke.engine.winrm.transport.auth.MechanismUnavailableException;
import java.net.ConnectException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the KDC or the JDK's Kerberos said, in the words and codes a Windows administrator
 * searches for. The JDK reports KDC errors as text ending in the RFC 4120 error code, e.g.
 * "Pre-authentication information was invalid (24)"; the code decides the message.
 */
final class KerberosFailures {

    /** "Client not found in Kerberos database (6) - CLIENT_NOT_FOUND": the code, then the KDC's name for it. */
    private static final Pattern KDC_CODE = Pattern.compile("\\((\\d{1,3})\\)(\\s*-.*)?$");
    private static final String KRB_EXCEPTION = "sun.security.krb5.KrbException";

    private KerberosFailures() {
    }

    /** A failed login (the AS exchange, or reading the ticket cache or keytab). */
    static AuthProtocolException login(Exception e, String principal, KerberosSettings settings) {
        AuthProtocolException kdc = fromKdc(e, principal, null);
        if (kdc != null) {
            return kdc;
        }
        if (has(e, "sun.security.krb5.KrbCryptoException")) {
            // The KDC's answer did not decrypt with the key made from the password (or the keytab's key).
            return settings.keytab() != null
                    ? new AuthProtocolException("Kerberos: the key in keytab " + settings.keytab() + " does not match "
                    + principal + "'s (an old key version?): export it again", e)
                    : wrongPassword(principal, e);
        }
        String detail = detail(e);
        if (detail.contains("default realm") || detail.contains("Cannot get kdc for realm")
                || detail.contains("krb5.conf")) {
            return new MechanismUnavailableException("Kerberos: no realm configuration for " + principal + " (" + detail
                    + "): name the realm in the user (user@REALM) and give its KDC in krb5.conf (docs/auth.md)", e);
        }
        if (settings.ticketCache() != null) {
            return new AuthProtocolException("Kerberos: no usable ticket in the ticket cache " + settings.ticketCache()
                    + " (SEC_E_NO_CREDENTIALS 0x8009030E): run kinit, or check that the file is a Kerberos ccache ("
                    + detail + ")", e);
        }
        if (settings.keytab() != null) {
            return new AuthProtocolException("Kerberos: the keytab " + settings.keytab() + " holds no usable key for "
                    + principal + " (SEC_E_NO_CREDENTIALS 0x8009030E; " + detail + ")", e);
        }
        return new AuthProtocolException("Kerberos: login of " + principal + " failed: " + detail, e);
    }

    /** A failed service ticket request or context start, for {@code spn}. */
    static AuthProtocolException context(Exception e, String principal, String spn) {
        AuthProtocolException kdc = fromKdc(e, principal, spn);
        if (kdc != null) {
            return kdc;
        }
        String detail = detail(e);
        if (detail.contains("Failed to find any Kerberos tgt") || detail.contains("No valid credentials")) {
            return new AuthProtocolException("Kerberos: no ticket-granting ticket for " + principal
                    + " (SEC_E_NO_CREDENTIALS 0x8009030E): log in again (kinit) or check the credentials", e);
        }
        return new AuthProtocolException("Kerberos: cannot start a context for " + spn + ": " + detail, e);
    }

    /** What the KDC answered, or that none could be reached; null when the failure is neither. */
    private static AuthProtocolException fromKdc(Exception e, String principal, String spn) {
        Integer code = kdcCode(e);
        if (code != null) {
            return fromCode(code, principal, spn, e);
        }
        return unreachable(e) ? kdcUnreachable(principal, e) : null;
    }

    private static AuthProtocolException fromCode(int code, String principal, String spn, Exception e) {
        String kdc = " (the KDC answered " + detail(e) + ")";
        return switch (code) {
            case 24, 31 -> wrongPassword(principal, e);
            case 6 -> new AuthProtocolException("Kerberos: the KDC does not know the user " + principal
                    + " (KDC_ERR_C_PRINCIPAL_UNKNOWN): check the user name and its realm", e);
            case 7 -> new MechanismUnavailableException("Kerberos: the KDC knows no SPN " + spn
                    + " (KDC_ERR_S_PRINCIPAL_UNKNOWN; Windows: SEC_E_TARGET_UNKNOWN 0x80090303): register it "
                    + "(setspn -S " + spn + " <computer>) or use the SPN options (WSMAN service, port, canonical name)", e);
            case 18 -> new AuthProtocolException("Kerberos: the account " + principal + " is locked out or disabled "
                    + "(KDC_ERR_CLIENT_REVOKED; Windows: ERROR_ACCOUNT_LOCKED_OUT 1909 / ERROR_ACCOUNT_DISABLED 1331)", e);
            case 1 -> new AuthProtocolException("Kerberos: the account " + principal + " has expired "
                    + "(KDC_ERR_NAME_EXP; Windows: ERROR_ACCOUNT_EXPIRED 1793)", e);
            case 23 -> new AuthProtocolException("Kerberos: the password of " + principal + " has expired "
                    + "(KDC_ERR_KEY_EXPIRED; Windows: ERROR_PASSWORD_EXPIRED 1330): change it, then run again", e);
            case 37 -> new AuthProtocolException("Kerberos: clock skew too great between this machine and the KDC "
                    + "(KRB_AP_ERR_SKEW; Windows: SEC_E_TIME_SKEW 0x80090324): Kerberos allows 5 minutes; "
                    + "synchronise the clocks (NTP)", e);
            case 68 -> new MechanismUnavailableException("Kerberos: the KDC is not the one of " + principal
                    + "'s realm (KDC_ERR_WRONG_REALM)" + kdc, e);
            case 14 -> new AuthProtocolException("Kerberos: no encryption type both this client and the KDC allow "
                    + "(KDC_ERR_ETYPE_NOSUPP): AES is needed for WinRM message encryption", e);
            default -> new AuthProtocolException("Kerberos: " + principal + (spn == null ? "" : " for " + spn)
                    + " failed" + kdc, e);
        };
    }

    private static AuthProtocolException wrongPassword(String principal, Exception e) {
        return new AuthProtocolException("Kerberos: wrong password for " + principal
                + " (KDC_ERR_PREAUTH_FAILED; Windows: SEC_E_LOGON_DENIED 0x8009030C)", e);
    }

    private static AuthProtocolException kdcUnreachable(String principal, Exception e) {
        return new MechanismUnavailableException("Kerberos: no KDC for " + principal + " could be contacted "
                + "(SEC_E_NO_AUTHORITY 0x80090311, \"No authority could be contacted for authentication\"; "
                + detail(e) + "): check the realm's kdc entries in krb5.conf and that port 88 is open", e);
    }

    /** The RFC 4120 code of the first KDC error in the chain (the JDK's own parse errors come below it). */
    private static Integer kdcCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals(KRB_EXCEPTION) && t.getMessage() != null) {
                Matcher m = KDC_CODE.matcher(t.getMessage());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return null;
    }

    private static boolean has(Throwable e, String className) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof PortUnreachableException
                    || t instanceof ConnectException || t instanceof UnknownHostException) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Receive timed out") || message.contains("Port Unreachable")
                    || message.contains("Cannot locate KDC")
                    || message.contains("Cannot contact any KDC") || message.contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The KDC's own words when it answered (the first KrbException), else the deepest message:
     * the JDK wraps the answer in layers of generic text.
     */
    private static String detail(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals(KRB_EXCEPTION) && t.getMessage() != null) {
                return t.getMessage().strip();
            }
        }
        String best = e.getMessage();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t.getMessage();
            }
        }
        return best == null ? e.getClass().getSimpleName() : best.strip();
    }
}
