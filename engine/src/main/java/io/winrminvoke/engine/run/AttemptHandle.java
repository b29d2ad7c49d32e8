package io.winrminvoke.engine.run;

import io.winrminvoke.engine.winrm.RemoteCommand;
import io.winrminvoke.engine.winrm.WinRsClient;

/**
 * What another thread needs to stop one attempt: its client (while the shell is being created)
 * and its command (once started). Cancellation and the per-attempt deadline watchdog go through
 * here; the attempt's own thread registers what it opens and learns whether it must stop.
 */
final class AttemptHandle {

    private WinRsClient client;
    private RemoteCommand command;
    private boolean aborted;
    private volatile boolean deadlinePassed;

    /**
     * @return false if the attempt was aborted, or its deadline passed, before the client existed
     *         (the caller stops: nothing may start on the host after that)
     */
    synchronized boolean register(WinRsClient c) {
        this.client = c;
        return !aborted && !deadlinePassed;
    }

    /** @return false if the attempt was aborted, or its deadline passed, before the command existed (the caller terminates it) */
    synchronized boolean register(RemoteCommand c) {
        this.command = c;
        return !aborted && !deadlinePassed;
    }

    /** Whether the attempt is between its client and its command: connecting, or a Create or Command on its way. */
    synchronized boolean starting() {
        return client != null && command == null;
    }

    /**
     * The registered command's word on its shell while its Delete is unconfirmed (see
     * {@link RemoteCommand#shellLeftOpen()}), or null when no command was registered.
     */
    String commandShellLeftOpen() {
        RemoteCommand c;
        synchronized (this) {
            c = command;
        }
        return c == null ? null : c.shellLeftOpen();
    }

    synchronized boolean aborted() {
        return aborted;
    }

    boolean deadlinePassed() {
        return deadlinePassed;
    }

    /** Run stopped (cancel or overall deadline): terminate the command, or abort shell creation. */
    void abort() {
        RemoteCommand c;
        WinRsClient cl;
        synchronized (this) {
            aborted = true;
            c = command;
            cl = client;
        }
        stop(c, cl);
    }

    /**
     * The per-attempt deadline passed: terminate the command if it exists (awaitExit would too,
     * but not a Send of stdin still in flight), else close the client to stop connect, Create or
     * Command. Terminate is idempotent, so racing awaitExit's own deadline does no harm.
     */
    void commandDeadlinePassed() {
        RemoteCommand c;
        WinRsClient cl;
        synchronized (this) {
            deadlinePassed = true;
            c = command;
            cl = client;
        }
        stop(c, cl);
    }

    private static void stop(RemoteCommand c, WinRsClient cl) {
        // terminate() and close() never throw by contract; a broken implementation must not
        // break the thread that cancels every other host.
        try {
            if (c != null) {
                c.terminate();
            } else if (cl != null) {
                cl.close();
            }
        } catch (RuntimeException e) {
            System.getLogger(AttemptHandle.class.getName())
                    .log(System.Logger.Level.WARNING, "stopping an attempt failed: " + e);
        }
    }
}
