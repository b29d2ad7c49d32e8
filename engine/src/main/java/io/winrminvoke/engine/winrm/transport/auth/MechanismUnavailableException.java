package io.winrminvoke.engine.winrm.transport.auth;

/**
 * A mechanism cannot even start for this host, for a reason another mechanism does not share
 * (no realm in the user name, no KDC in reach, no SPN for an IP address, no ticket for the SPN):
 * Negotiate then falls back to NTLM. Credential problems (wrong password, locked account, clock
 * skew) are plain {@link AuthProtocolException}s and never fall back: a second logon attempt
 * would only count twice toward the account's lockout.
 */
public class MechanismUnavailableException extends AuthProtocolException {
    private static final long serialVersionUID = 1L;

    public MechanismUnavailableException(String message) {
        super(message);
    }

    public MechanismUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
