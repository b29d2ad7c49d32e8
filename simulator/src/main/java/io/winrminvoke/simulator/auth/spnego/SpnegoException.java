package io.winrminvoke.simulator.auth.spnego;

/** A token that is not valid SPNEGO. */
public final class SpnegoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SpnegoException(String message, Throwable cause) {
        super(message, cause);
    }
}
