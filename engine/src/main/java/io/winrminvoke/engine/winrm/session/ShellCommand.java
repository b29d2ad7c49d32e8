package io.winrminvoke.engine.winrm.session;

import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.OutputSink;
import io.winrminvoke.engine.winrm.RemoteCommand;
import io.winrminvoke.engine.winrm.WinRmException;
import io.winrminvoke.engine.winrm.protocol.DeleteShellRequest;
import io.winrminvoke.engine.winrm.protocol.OutputChunk;
import io.winrminvoke.engine.winrm.protocol.ReceiveRequest;
import io.winrminvoke.engine.winrm.protocol.SendRequest;
import io.winrminvoke.engine.winrm.protocol.ShellSignal;
import io.winrminvoke.engine.winrm.protocol.SignalRequest;
import io.winrminvoke.engine.winrm.protocol.SoapResponse;
import io.winrminvoke.engine.winrm.protocol.WsmanAction;
import io.winrminvoke.engine.winrm.protocol.WsmanRequest;
import io.winrminvoke.engine.winrm.transport.RequestTimeouts;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A command running in its own shell. Every request goes through one gate: once stopping has
 * begun (terminate, close, deadline or the normal end) no request but the final Signal and
 * Delete is sent, and nothing at all after the Delete.
 */
final class ShellCommand implements RemoteCommand {

    /** Raw stdin per Send: base64 of it plus the envelope stays far below the host's limits. */
    private static final int STDIN_CHUNK_BYTES = 96 * 1024;

    private enum State { OPEN, STOPPING, STOPPED }

    private final WsmanChannel channel;
    private final RequestBounds bounds;
    private final String shellId;
    private final String commandId;
    /** Named in the message when a shell may outlive the stop. */
    private final String host;
    private final Consumer<ShellCommand> onStopped;

    private final Object lock = new Object();
    private State state = State.OPEN;          // guarded by lock
    private Call inFlight;                      // guarded by lock
    private volatile boolean terminated;
    /** Whether the host answered the stop's Signal and Delete (so the command is known to be gone). */
    private volatile boolean stopConfirmed;

    ShellCommand(WsmanChannel channel, RequestBounds bounds, String shellId, String commandId, String host,
                 Consumer<ShellCommand> onStopped) {
        this.channel = channel;
        this.host = host;
        this.bounds = bounds;
        this.shellId = shellId;
        this.commandId = commandId;
        this.onStopped = onStopped;
    }

    @Override
    public void writeStdin(byte[] data, boolean last) throws WinRmException {
        Objects.requireNonNull(data, "data");
        if (data.length == 0) {
            if (last) {
                send(data, true);
            }
            return;
        }
        for (int offset = 0; offset < data.length; offset += STDIN_CHUNK_BYTES) {
            int end = Math.min(data.length, offset + STDIN_CHUNK_BYTES);
            send(Arrays.copyOfRange(data, offset, end), last && end == data.length);
        }
    }

    private void send(byte[] chunk, boolean end) throws WinRmException {
        SoapResponse response = call(new SendRequest(shellId, commandId, chunk, end), bounds.normal());
        if (response.isFault()) {
            throw WinRmFailures.fault(WsmanAction.SEND, response.fault(), true);
        }
    }

    @Override
    public int awaitExit(OutputSink sink, Instant deadline) throws WinRmException {
        Objects.requireNonNull(sink, "sink");
        try {
            int exitCode = receiveUntilDone(sink, deadline);
            stop(bounds.normal());
            return exitCode;
        } catch (WinRmException e) {
            stop(bounds.cleanup());
            throw WinRmFailures.unlessConfirmed(e, stopConfirmed, shellId, host);
        } finally {
            // Failed, timed out or the sink threw: the shell must not outlive this call.
            stop(bounds.cleanup());
        }
    }

    private int receiveUntilDone(OutputSink sink, Instant deadline) throws WinRmException {
        while (true) {
            Duration response = bounds.normal().response();
            boolean cutByDeadline = false;
            if (deadline != null) {
                Duration remaining = Duration.between(Instant.now(), deadline);
                if (remaining.isNegative() || remaining.isZero()) {
                    throw commandTimeout();
                }
                if (remaining.compareTo(response) < 0) {
                    response = remaining;
                    cutByDeadline = true;
                }
            }
            SoapResponse answer;
            try {
                answer = call(new ReceiveRequest(shellId, commandId),
                        new RequestTimeouts(bounds.normal().connect(), response));
            } catch (WinRmException e) {
                if (cutByDeadline && e.kind() == FailureKind.NO_RESPONSE) {
                    throw commandTimeout();
                }
                throw e;
            }
            if (terminated) {
                throw cancelled();
            }
            if (answer.isFault()) {
                if (answer.fault().isOperationTimeout()) {
                    continue; // routine: nothing was written within the OperationTimeout; ask again
                }
                throw WinRmFailures.fault(WsmanAction.RECEIVE, answer.fault(), true);
            }
            deliver(answer, sink);
            if (answer.commandDone()) {
                if (answer.exitCode() == null) {
                    throw new WinRmException(FailureKind.PROTOCOL_ERROR, true,
                            "Receive answered Done without an ExitCode");
                }
                sink.exited(answer.exitCode());
                return answer.exitCode();
            }
        }
    }

    private void deliver(SoapResponse answer, OutputSink sink) {
        for (OutputChunk chunk : answer.output()) {
            boolean ours = chunk.commandId() == null || chunk.commandId().equalsIgnoreCase(commandId);
            if (!ours || chunk.data().length == 0) {
                continue;
            }
            if ("stdout".equals(chunk.stream())) {
                sink.stdout(chunk.data());
            } else if ("stderr".equals(chunk.stream())) {
                sink.stderr(chunk.data());
            }
        }
    }

    @Override
    public void terminate() {
        terminated = true;
        stop(bounds.cleanup());
    }

    @Override
    public void close() {
        stop(bounds.cleanup());
    }

    @Override
    public String shellLeftOpen() {
        return stopConfirmed ? null : WinRmFailures.shellMayBeOpen(shellId, host);
    }

    /** Sends a request unless stopping has begun; registers it so {@link #stop} can abort it. */
    private SoapResponse call(WsmanRequest request, RequestTimeouts timeouts) throws WinRmException {
        Call call;
        synchronized (lock) {
            if (state != State.OPEN) {
                throw cancelled();
            }
            call = channel.prepare(request, timeouts);
            inFlight = call;
        }
        try {
            return call.execute();
        } catch (WinRmException e) {
            if (terminated) {
                throw cancelled();
            }
            throw WinRmFailures.afterStart(e);
        } finally {
            synchronized (lock) {
                if (inFlight == call) {
                    inFlight = null;
                }
            }
        }
    }

    private WinRmException commandTimeout() {
        stop(bounds.cleanup());
        return WinRmFailures.unlessConfirmed(new WinRmException(FailureKind.COMMAND_TIMEOUT, true,
                WinRmFailures.stopOutcome(stopConfirmed)), stopConfirmed, shellId, host);
    }

    /** Waits (bounded) until a concurrent stop has sent its Delete, so callers see a finished state. */
    private WinRmException cancelled() {
        synchronized (lock) {
            awaitStopped();
        }
        return WinRmFailures.terminated(stopConfirmed, shellId, host);
    }

    /**
     * The single way out: aborts the request in flight, then Signal terminate and Delete.
     * Idempotent; a second caller waits (bounded) for the first to finish.
     */
    private void stop(RequestTimeouts timeouts) {
        Call toAbort;
        synchronized (lock) {
            if (state == State.STOPPED) {
                return;
            }
            if (state == State.STOPPING) {
                awaitStopped();
                return;
            }
            state = State.STOPPING;
            toAbort = inFlight;
        }
        try {
            if (toAbort != null) {
                toAbort.cancel();
            }
            Sent signal = sendQuietly(new SignalRequest(shellId, commandId, ShellSignal.TERMINATE), timeouts);
            // Deleting the shell ends its processes whatever became of the Signal; only a Delete the
            // host answered tells that the command is gone.
            stopConfirmed = signal != Sent.UNREACHABLE
                    && sendQuietly(new DeleteShellRequest(shellId), timeouts) == Sent.ANSWERED;
        } finally {
            synchronized (lock) {
                state = State.STOPPED;
                lock.notifyAll();
            }
            onStopped.accept(this);
        }
    }

    /** How a clean-up request went. */
    private enum Sent {
        /** The host answered it with success. */
        ANSWERED,
        /** Refused, dropped, faulted...: the host may still take the next request. */
        FAILED,
        /** Timed out or did not resolve: a further request would only wait as long again. */
        UNREACHABLE
    }

    /**
     * Best effort: a fault (say the command already ended) or a failure does not stop the
     * clean-up; only a host that looks unreachable is not sent the Delete too, so a dead host
     * costs one bounded wait, not two.
     */
    private Sent sendQuietly(WsmanRequest request, RequestTimeouts timeouts) {
        try {
            SoapResponse answer = channel.prepare(request, timeouts).execute();
            // A fault is an answer but no success: a Delete refused (InternalError, quota...) left
            // the shell and its command running. Only "no such shell" also means it is gone.
            if (answer.isFault() && !(request instanceof DeleteShellRequest && answer.fault().isInvalidSelectors())) {
                return Sent.FAILED;
            }
            return Sent.ANSWERED;
        } catch (WinRmException e) {
            return switch (e.kind()) {
                case CONNECT_TIMEOUT, NO_RESPONSE, UNKNOWN_HOST -> Sent.UNREACHABLE;
                default -> Sent.FAILED;
            };
        } catch (RuntimeException e) {
            return Sent.FAILED;
        }
    }

    /** Caller holds {@code lock}. */
    private void awaitStopped() {
        long limitNanos = System.nanoTime() + stopBudget().toNanos();
        while (state != State.STOPPED) {
            long waitMillis = (limitNanos - System.nanoTime()) / 1_000_000;
            if (waitMillis <= 0) {
                return;
            }
            try {
                lock.wait(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * How long a caller waits for another thread's stop: a stop with clean-up bounds (terminate,
     * close, failures) fits; a normal-end stop stuck on a dead host is not waited for in full.
     */
    private Duration stopBudget() {
        RequestTimeouts cleanup = bounds.cleanup();
        return cleanup.connect().plus(cleanup.response()).multipliedBy(2).plusSeconds(1);
    }

    String shellId() {
        return shellId;
    }
}
