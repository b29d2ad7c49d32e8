package io.winrminvoke.engine.result;

/** The final state of one host in a run. */
public enum HostStatus {
    /** The command ran and exited 0. */
    SUCCEEDED,
    /** The command ran and exited non-zero. */
    FAILED,
    /** The per-host command deadline passed; the remote command was terminated. */
    TIMED_OUT,
    /** The host could not be reached (refused, no route, connect timeout, name not resolved). */
    UNREACHABLE,
    /** The host answered 401: the credentials or the authentication scheme were refused. */
    AUTH_FAILED,
    /** Anything else: TLS failure, protocol fault, quota, dropped connection after the start. */
    ERROR,
    /** The run was cancelled while this host was in flight. */
    CANCELLED,
    /** The host was never started (run cancelled or overall deadline passed first). */
    SKIPPED;

    public boolean isSuccess() {
        return this == SUCCEEDED;
    }
}
