package io.winrminvoke.simulator.auth.kerberos;

/** A Kerberos token the acceptor refuses (Windows answers 401), or a wrap token that does not verify. */
public final class KerberosException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KerberosException(String message, Throwable cause) {
        super(message, cause);
    }
}
