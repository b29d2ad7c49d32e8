package io.winrminvoke.simulator.shell;

import io.winrminvoke.simulator.scenario.Step;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default behaviour: the received command line runs under {@code /bin/sh -c} on this machine,
 * a test-only stand-in for cmd.exe. Output, exit code and stdin are the real ones.
 */
public final class ProcessCommand extends SimulatedCommand {
    /** cmd.exe's limit on a command line, in characters. */
    public static final int MAX_COMMAND_LINE = 8191;

    private final String commandLine;
    private final ExecutorService pumps;
    private volatile Process process;

    public ProcessCommand(String id, String commandLine, ExecutorService pumps) {
        super(id);
        this.commandLine = commandLine;
        this.pumps = pumps;
    }

    @Override
    public void start() {
        if (commandLine.length() > MAX_COMMAND_LINE) {
            // what cmd.exe answers to a longer line: the command never runs
            try {
                output.write(Step.Stream.STDERR, "The command line is too long.\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            output.exit(1);
            return;
        }
        try {
            process = new ProcessBuilder("/bin/sh", "-c", commandLine).start();
        } catch (IOException e) {
            try {
                output.write(Step.Stream.STDERR, ("cannot start /bin/sh: " + e.getMessage() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            output.exit(1);
            return;
        }
        AtomicInteger open = new AtomicInteger(2);
        pumps.execute(() -> pump(process.getInputStream(), Step.Stream.STDOUT, open));
        pumps.execute(() -> pump(process.getErrorStream(), Step.Stream.STDERR, open));
    }

    private void pump(InputStream in, Step.Stream stream, AtomicInteger open) {
        byte[] buf = new byte[16384];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                output.write(stream, buf, 0, n);
            }
        } catch (IOException e) {
            // the process was killed: its pipe is gone, which is an end of stream too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        output.close(stream);
        if (open.decrementAndGet() == 0) {
            try {
                output.exit(process.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stdin(byte[] bytes, boolean end) {
        Process p = process;
        if (p == null) {
            return;
        }
        OutputStream in = p.getOutputStream();
        try {
            in.write(bytes);
            in.flush();
            if (end) {
                in.close();
            }
        } catch (IOException e) {
            // the process no longer reads stdin (exited or closed it): Windows discards such input too
        }
    }

    @Override
    public void interrupt() {
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }

    @Override
    public void kill() {
        output.abandon();
        Process p = process;
        if (p != null) {
            // children first: once the shell is gone they are re-parented and no longer found
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
