package io.winrminvoke.engine.winrm;

import java.time.Instant;

/**
 * A command running in a remote shell. Its shell is created before the command starts and
 * deleted when the command ends, is terminated or fails.
 */
public interface RemoteCommand extends AutoCloseable {

    /** Sends stdin bytes; {@code last} closes the command's stdin. */
    void writeStdin(byte[] data, boolean last) throws WinRmException;

    /**
     * Receives output until the command is done, re-issuing Receive through WS-Management
     * TimedOut faults. Output goes to {@code sink} as it arrives. If {@code deadline} passes
     * first, the command is terminated (Signal terminate, Delete) and a {@code COMMAND_TIMEOUT}
     * exception is thrown.
     *
     * @return the command's exit code
     */
    int awaitExit(OutputSink sink, Instant deadline) throws WinRmException;

    /**
     * Stops the command from any thread: aborts an in-flight Receive, sends Signal terminate,
     * then Delete for the shell. Idempotent, never throws, bounded in time. A concurrent
     * {@link #awaitExit} then throws a {@code CANCELLED} exception.
     */
    void terminate();

    /**
     * What to tell the user of this command's shell while the host has not confirmed its Delete
     * ("shell S may still be open on host H"), or null once it has, or where the transport keeps
     * no remote shell. Read from any thread, for instance when a run gives up waiting for the stop.
     */
    default String shellLeftOpen() {
        return null;
    }

    /** Signal terminate (if still running) and Delete the shell; idempotent, never throws. */
    @Override
    void close();
}
