package io.winrminvoke.simulator.auth.ntlm;

/** A token that is not a valid NTLM message, or one the acceptor refuses (Windows answers 401). */
public final class NtlmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NtlmException(String message) {
        super(message);
    }
}
