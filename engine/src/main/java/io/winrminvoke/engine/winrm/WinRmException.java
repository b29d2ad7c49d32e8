package io.winrminvoke.engine.winrm;

import io.winrminvoke.engine.OptionLabels;

/**
 * A failure talking to one host. {@link #commandStarted()} tells whether the command may have
 * begun running on the host when the failure happened: retrying such an attempt could run the
 * command twice, so the engine only does that when the user opted in.
 */
public class WinRmException extends Exception {
    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final boolean commandStarted;
    private final String detail;
    private final String shellLeftOpen;
    /** Not serialised: a remedy is worded for the run that met the failure. */
    private final transient Remedy remedy;

    /** @param remedy what fixes it, appended to the message in the front end's words; null = none */
    public WinRmException(FailureKind kind, boolean commandStarted, String message, Throwable cause, Remedy remedy) {
        this(kind, commandStarted, message, cause, remedy, null);
    }

    private WinRmException(FailureKind kind, boolean commandStarted, String detail, Throwable cause, Remedy remedy,
                           String shellLeftOpen) {
        super(text(detail, shellLeftOpen, remedy, OptionLabels.ENGINE), cause);
        this.kind = kind;
        this.commandStarted = commandStarted;
        this.detail = detail;
        this.remedy = remedy;
        this.shellLeftOpen = shellLeftOpen;
    }

    public WinRmException(FailureKind kind, boolean commandStarted, String message, Throwable cause) {
        this(kind, commandStarted, message, cause, null);
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

    public Remedy remedy() {
        return remedy;
    }

    /** The message with its remedy worded by {@code labels} (the front end's option names). */
    public String message(OptionLabels labels) {
        return text(detail, shellLeftOpen, remedy, labels);
    }

    /** {@code shell S may still be open on host H} when the failure may have left a shell behind; else null. */
    public String shellLeftOpen() {
        return shellLeftOpen;
    }

    /** The same failure, saying it may have left a shell open ({@code note} names it and its host). */
    public WinRmException leavingShellOpen(String note) {
        return new WinRmException(kind, commandStarted, detail, getCause(), remedy, note);
    }

    /** The same failure, now known to have happened after the command may have started. */
    public WinRmException afterStart() {
        return commandStarted ? this : new WinRmException(kind, true, detail, getCause(), remedy, shellLeftOpen);
    }

    private static String text(String detail, String shellLeftOpen, Remedy remedy, OptionLabels labels) {
        String text = shellLeftOpen == null ? detail : detail + "; " + shellLeftOpen;
        return remedy == null ? text : text + ": " + remedy.text(labels);
    }
}
