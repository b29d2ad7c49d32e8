package io.winrminvoke.engine.ssh.client;

import io.winrminvoke.engine.ssh.SshConnectionSettings;
import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.OutputSink;
import io.winrminvoke.engine.winrm.RemoteCommand;
import io.winrminvoke.engine.winrm.WinRmException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

/**
 * A command running in an SSH exec channel. stdout and stderr are read by two short-lived
 * threads from the moment {@link #awaitExit} is called; stdin is written by a third, so a host
 * that prints before it reads never waits on us. Every way out (exit, deadline, terminate,
 * close, failure) goes through one stop: if the command may still run it is sent signal KILL
 * (OpenSSH kills the session's process group and reports the signal back), then the connection
 * is closed. Nothing is sent after that.
 */
final class SshCommand implements RemoteCommand {

    /** How long a stop waits for the host to report the killed command's end. */
    private static final Duration KILL_CONFIRM_WAIT = Duration.ofSeconds(2);
    /** How long the output threads get to end once the connection is closed. */
    private static final Duration PUMP_JOIN_WAIT = Duration.ofSeconds(1);
    /** POSIX signal numbers, for the exit code a shell would report (128 + n). */
    private static final Map<Signal, Integer> SIGNAL_NUMBERS = Map.ofEntries(
            Map.entry(Signal.HUP, 1), Map.entry(Signal.INT, 2), Map.entry(Signal.QUIT, 3), Map.entry(Signal.ILL, 4),
            Map.entry(Signal.ABRT, 6), Map.entry(Signal.FPE, 8), Map.entry(Signal.KILL, 9),
            Map.entry(Signal.USR1, 10), Map.entry(Signal.SEGV, 11), Map.entry(Signal.USR2, 12),
            Map.entry(Signal.PIPE, 13), Map.entry(Signal.ALRM, 14), Map.entry(Signal.TERM, 15));

    private final SSHClient client;
    private final Session.Command command;
    private final String endpoint;
    private final String threadPrefix;

    private final Object lock = new Object();
    private boolean stopping;                    // guarded by lock
    private int streamsOpen = 2;                 // guarded by lock
    private IOException readFailure;             // guarded by lock
    private RuntimeException sinkFailure;        // guarded by lock
    private Thread stdinWriter;                  // guarded by lock
    private volatile boolean terminated;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Whether the host reported the command's end after the kill (so it is known to be gone). */
    private volatile boolean killConfirmed;

    SshCommand(SSHClient client, Session session, Session.Command command, SshConnectionSettings settings) {
        this.client = client;
        this.command = command;
        this.endpoint = settings.endpoint();
        this.threadPrefix = "winrm-invoke-ssh-" + endpoint + "-";
    }

    @Override
    public void writeStdin(byte[] data, boolean last) throws WinRmException {
        Objects.requireNonNull(data, "data");
        synchronized (lock) {
            if (!stopping) {
                startStdinWriter(data, last);
                return;
            }
        }
        throw stopped();
    }

    /** Caller holds {@code lock}. */
    private void startStdinWriter(byte[] data, boolean last) {
        Thread previous = stdinWriter;
        stdinWriter = daemon("stdin", () -> {
            try {
                if (previous != null) {
                    previous.join();
                }
                OutputStream in = command.getOutputStream();
                in.write(data);
                in.flush();
                if (last) {
                    in.close(); // sends EOF: the command sees the end of its input
                }
            } catch (IOException e) {
                // The command ended or closed its input before reading it all: its exit status,
                // or the broken connection, is what the attempt reports.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stdinWriter.start();
    }

    @Override
    public int awaitExit(OutputSink sink, Instant deadline) throws WinRmException {
        Objects.requireNonNull(sink, "sink");
        Object sinkOrder = new Object(); // the sink sees one chunk at a time, as from the WinRM client
        Thread out = pump("stdout", command.getInputStream(), chunk -> {
            synchronized (sinkOrder) {
                sink.stdout(chunk);
            }
        });
        Thread err = pump("stderr", command.getErrorStream(), chunk -> {
            synchronized (sinkOrder) {
                sink.stderr(chunk);
            }
        });
        try {
            waitForStreams(deadline);
            int exitCode = exitCode(deadline);
            synchronized (sinkOrder) {
                sink.exited(exitCode);
            }
            return exitCode;
        } finally {
            stop(!exitKnown());
            joinQuietly(out);
            joinQuietly(err);
        }
    }

    /** Until both streams ended; a deadline, a terminate or a failure ends the wait. */
    private void waitForStreams(Instant deadline) throws WinRmException {
        synchronized (lock) {
            while (streamsOpen > 0 && !terminated && sinkFailure == null) {
                long waitMillis = Duration.between(Instant.now(), deadline).toMillis();
                if (waitMillis <= 0) {
                    break;
                }
                try {
                    lock.wait(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    terminated = true;
                }
            }
            if (sinkFailure != null) {
                throw sinkFailure;
            }
        }
        if (terminated) {
            throw stopped();
        }
        if (!Instant.now().isBefore(deadline) && !exitKnown()) {
            stop(true);
            throw new WinRmException(FailureKind.COMMAND_TIMEOUT, true, stopOutcome());
        }
        IOException failure;
        synchronized (lock) {
            failure = readFailure;
        }
        if (failure != null) {
            throw SshFailures.running(failure, endpoint);
        }
    }

    /** The exit status, which the host sends with or just after the end of the output. */
    private int exitCode(Instant deadline) throws WinRmException {
        if (!exitKnown()) {
            long waitMillis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            try {
                command.join(Math.min(waitMillis, client.getConnection().getTimeoutMs()), TimeUnit.MILLISECONDS);
            } catch (ConnectionException e) {
                // timed out or the connection broke: decided below from what arrived
            }
        }
        if (terminated) {
            throw stopped();
        }
        Integer status = command.getExitStatus();
        if (status != null) {
            return status;
        }
        Signal signal = command.getExitSignal();
        if (signal != null) {
            return 128 + SIGNAL_NUMBERS.getOrDefault(signal, 0);
        }
        if (!Instant.now().isBefore(deadline)) {
            stop(true);
            throw new WinRmException(FailureKind.COMMAND_TIMEOUT, true, stopOutcome());
        }
        throw new WinRmException(FailureKind.PROTOCOL_ERROR, true,
                "the host closed the command's output without an exit status (" + endpoint + ")");
    }

    private boolean exitKnown() {
        return command.getExitStatus() != null || command.getExitSignal() != null;
    }

    @Override
    public void terminate() {
        terminated = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        stop(true);
    }

    @Override
    public void close() {
        stop(!exitKnown());
    }

    /**
     * The single way out: signal KILL if the command may still run, wait briefly for the host to
     * report its end, then close the connection. Idempotent; a second caller waits (bounded) for
     * the first.
     */
    private void stop(boolean kill) {
        boolean first;
        synchronized (lock) {
            first = !stopping;
            stopping = true;
        }
        if (!first) {
            awaitStopped();
            return;
        }
        try {
            if (kill) {
                try {
                    command.signal(Signal.KILL);
                    command.join(KILL_CONFIRM_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (IOException | RuntimeException e) {
                    // the connection is gone or the host will not say: unconfirmed
                }
                killConfirmed = exitKnown();
            }
        } finally {
            disconnectQuietly(client);
            stopped.countDown();
        }
    }

    /** A second stop waits (bounded) for the first, so every caller returns to a finished state. */
    private void awaitStopped() {
        try {
            stopped.await(KILL_CONFIRM_WAIT.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A command stopped from outside: what the stop achieved, once it is done. */
    private WinRmException stopped() {
        stop(true);
        return new WinRmException(FailureKind.CANCELLED, true, stopOutcome());
    }

    private String stopOutcome() {
        return killConfirmed ? "remote command killed (signal KILL)"
                : "host did not confirm the kill (signal KILL); the command may still be running";
    }

    private Thread pump(String stream, InputStream in, Consumer<byte[]> deliver) {
        Thread t = daemon(stream, () -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (n > 0) {
                        deliver.accept(Arrays.copyOf(buffer, n));
                    }
                }
            } catch (IOException e) {
                synchronized (lock) {
                    if (!stopping && readFailure == null) {
                        readFailure = e;
                    }
                }
            } catch (RuntimeException e) {
                synchronized (lock) {
                    sinkFailure = e;
                }
            } finally {
                synchronized (lock) {
                    streamsOpen--;
                    lock.notifyAll();
                }
            }
        });
        t.start();
        return t;
    }

    private Thread daemon(String what, Runnable body) {
        Thread t = new Thread(body, threadPrefix + what);
        t.setDaemon(true);
        return t;
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(PUMP_JOIN_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void disconnectQuietly(SSHClient client) {
        try {
            client.disconnect();
        } catch (IOException | RuntimeException ignored) {
            // the socket is closed either way
        }
    }
}
