package io.winrminvoke.simulator.shell;

import io.winrminvoke.simulator.scenario.Step;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;

/**
 * The default behaviour: the received command line runs under {@code /bin/sh -c} on this machine,
 * a test-only stand-in for cmd.exe. Output, exit code and stdin are the real ones. One thread per
 * command waits on both output pipes at once, then reaps the shell.
 */
public final class ProcessCommand extends SimulatedCommand {
    /** cmd.exe's limit on a command line, in characters. */
    public static final int MAX_COMMAND_LINE = 8191;
    private static final int STDOUT_READY = 1;
    private static final int STDERR_READY = 2;
    private static final int WOKEN = 4;

    private final String commandLine;
    private final ExecutorService pumps;
    private final Object stdinLock = new Object();
    private final Object wakeLock = new Object();
    private volatile SpawnedShell shell;
    private volatile boolean killed;
    private int stdin = -1;        // guarded by stdinLock; -1 once closed
    private int[] wake;            // guarded by wakeLock: kill() writes a byte so the pump stops; null once closed

    public ProcessCommand(String id, String commandLine, ExecutorService pumps) {
        super(id);
        this.commandLine = commandLine;
        this.pumps = pumps;
    }

    @Override
    public void start() {
        if (commandLine.length() > MAX_COMMAND_LINE) {
            // what cmd.exe answers to a longer line: the command never runs
            fail("The command line is too long.\r\n");
            return;
        }
        SpawnedShell started;
        try {
            int[] wakePipe = SpawnedShell.pipe();
            try {
                started = SpawnedShell.start(commandLine);
            } catch (IOException | RuntimeException | LinkageError e) {
                SpawnedShell.closeAll(wakePipe);
                throw e;
            }
            synchronized (wakeLock) {
                wake = wakePipe;
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            fail("cannot start /bin/sh: " + e.getMessage() + "\n");
            return;
        }
        synchronized (stdinLock) {
            stdin = started.stdin;
        }
        shell = started;
        pumps.execute(this::pump);
    }

    private void fail(String message) {
        try {
            output.write(Step.Stream.STDERR, message.getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        output.exit(1);
    }

    private void pump() {
        SpawnedShell s = shell;
        int out = s.stdout;
        int err = s.stderr;
        int wakeFd;
        synchronized (wakeLock) {
            wakeFd = wake[0];
        }
        byte[] buffer = new byte[16384];
        try {
            while ((out >= 0 || err >= 0) && !killed) {
                int ready = SpawnedShell.pollReadable(out, err, wakeFd);
                if ((ready & WOKEN) != 0) {
                    break;
                }
                if ((ready & STDOUT_READY) != 0) {
                    out = drain(out, Step.Stream.STDOUT, buffer);
                }
                if ((ready & STDERR_READY) != 0) {
                    err = drain(err, Step.Stream.STDERR, buffer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // killed: whatever still holds the pipes (a child that left the group) gets EPIPE, not us
        SpawnedShell.closeAll(out, err);
        output.close(Step.Stream.STDOUT);
        output.close(Step.Stream.STDERR);
        int exitCode = s.waitFor();
        synchronized (stdinLock) {
            SpawnedShell.closeAll(stdin);
            stdin = -1;
        }
        synchronized (wakeLock) {
            SpawnedShell.closeAll(wake);
            wake = null;
        }
        output.exit(exitCode);
    }

    /** Reads what the pipe has; returns the descriptor, or -1 once the stream ended (and it is closed). */
    private int drain(int fd, Step.Stream stream, byte[] buffer) throws InterruptedException {
        int n = SpawnedShell.read(fd, buffer);
        if (n < 0) {
            SpawnedShell.closeAll(fd);
            output.close(stream);
            return -1;
        }
        output.write(stream, buffer, 0, n);
        return fd;
    }

    @Override
    public void stdin(byte[] bytes, boolean end) {
        synchronized (stdinLock) {
            if (stdin < 0) {
                return;
            }
            // false: the process no longer reads stdin (exited or closed it): Windows discards such input too
            SpawnedShell.writeAll(stdin, bytes);
            if (end) {
                SpawnedShell.closeAll(stdin);
                stdin = -1;
            }
        }
    }

    @Override
    public void interrupt() {
        SpawnedShell s = shell;
        if (s != null) {
            s.signalGroup(LibC.SIGTERM);
        }
    }

    @Override
    public void kill() {
        killed = true;
        output.abandon();
        SpawnedShell s = shell;
        if (s != null) {
            s.signalGroup(LibC.SIGKILL); // the shell and everything it started, in one call
        }
        synchronized (wakeLock) {
            if (wake != null) {
                SpawnedShell.writeAll(wake[1], new byte[] {1});
            }
        }
    }
}
