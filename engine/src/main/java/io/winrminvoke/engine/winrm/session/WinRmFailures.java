package io.winrminvoke.engine.winrm.session;

import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.WinRmException;
import io.winrminvoke.engine.winrm.protocol.WsmanAction;
import io.winrminvoke.engine.winrm.protocol.WsmanFault;

/** The exceptions the session layer throws, built in one place so messages stay alike. */
final class WinRmFailures {

    private WinRmFailures() {
    }

    static WinRmException fault(WsmanAction action, WsmanFault fault, boolean commandStarted) {
        return new WinRmException(fault.failureKind(), commandStarted, action.displayName() + " failed: " + fault.describe());
    }

    /** The same failure, now known to have happened after the command may have started. */
    static WinRmException afterStart(WinRmException e) {
        return e.afterStart();
    }

    /**
     * Whether a request that failed this way may have been acted on by the host. A refused,
     * unresolved, timed-out connect, a failed handshake or a 401 never delivered it.
     */
    static boolean mayHaveReachedHost(FailureKind kind) {
        return switch (kind) {
            case CONNECTION_REFUSED, CONNECT_TIMEOUT, UNKNOWN_HOST, TLS_FAILED, AUTH_FAILED -> false;
            default -> true;
        };
    }

    /** A running command was stopped from outside. */
    static WinRmException terminated(boolean confirmed, String shellId, String host) {
        return unlessConfirmed(new WinRmException(FailureKind.CANCELLED, true, stopOutcome(confirmed)), confirmed,
                shellId, host);
    }

    /** {@code e}, saying that the shell may still be open unless the host confirmed its Delete. */
    static WinRmException unlessConfirmed(WinRmException e, boolean confirmed, String shellId, String host) {
        return confirmed || e.shellLeftOpen() != null ? e : e.leavingShellOpen(shellMayBeOpen(shellId, host));
    }

    /** What a stop achieved, as far as the host told us. */
    static String stopOutcome(boolean confirmed) {
        return confirmed ? "remote command terminated"
                : "host did not confirm the terminate; the command may still be running";
    }

    /** Said of a shell whose Delete the host did not confirm. */
    static String shellMayBeOpen(String shellId, String host) {
        return "shell " + shellId + " may still be open on host " + host;
    }

    /** Said when a Create reached the host and its answer, naming the shell, never came. */
    static String unnamedShellMayBeOpen(String host) {
        return "a shell may still be open on host " + host + " (its Create went unanswered)";
    }

    /** The client was closed while a command was being started. */
    static WinRmException closedWhileStarting(boolean commandStarted) {
        return new WinRmException(FailureKind.CANCELLED, commandStarted,
                "cancelled while starting the command (client closed)");
    }
}
