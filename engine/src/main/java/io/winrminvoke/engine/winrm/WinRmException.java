package io.winrminvoke.engine.winrm;

/**
 * A failure talking to one host. {@link #commandStarted()} tells whether the command may have
 * begun running on the host when the failure happened: retrying such an attempt could run the
 * command twice, so the engine only does that when the user opted in.
 */
public class WinRmException extends Exception {
    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final boolean commandStarted;

    public WinRmException(FailureKind kind, boolean commandStarted, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.commandStarted = commandStarted;
    }

    public WinRmException(FailureKind kind, boolean commandStarted, String message) {
        this(kind, commandStarted, message, null);
    }

    public FailureKind kind() {
        return kind;
    }

    public boolean commandStarted() {
        return commandStarted;
    }
}
