package io.winrminvoke.engine.run;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.retry.FailureClassifier;
import io.winrminvoke.engine.retry.RetryDecision;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.ssh.SshConnectionSettings;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.Transport;
import io.winrminvoke.engine.winrm.ConnectionSettings;
import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.RemoteCommand;
import io.winrminvoke.engine.winrm.WinRmException;
import io.winrminvoke.engine.winrm.WinRsClient;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One host of a run: its attempt loop (connect, run, classify, back off, retry) and the gate its
 * listener events pass through. Events for one host are serialised, and once the host has its
 * result nothing more is reported for it, even if a stuck attempt returns late.
 */
final class HostRun {

    /** Passed to awaitExit when the run sets no deadline: far enough, small enough for any arithmetic. */
    static final Duration NO_DEADLINE = Duration.ofDays(3650);

    private final FleetRun run;
    private final Target target;
    private final RunRequest request;
    private final Charset charset;

    private final Object gate = new Object();
    /** Serialises this host's listener calls; never held while taking {@link #gate}. */
    private final Object events = new Object();
    private volatile HostResult result;                // written under gate
    private final List<Attempt> attempts = new ArrayList<>(); // guarded by gate
    private volatile Instant started;                  // written under gate
    private int currentAttempt;                        // guarded by gate
    private Instant currentAttemptStarted;             // guarded by gate
    private volatile AttemptHandle current;
    /** The output of the attempt in flight: tells whether its command already exited. */
    private volatile AttemptOutput currentOutput;
    /**
     * The attempt the worker last recorded, until it has built the host's result from it: a stop
     * that gives up on the host in between takes the result from it, as the worker would have.
     */
    private AttemptOutcome recorded;                   // guarded by gate

    HostRun(FleetRun run, Target target, RunRequest request, Charset charset) {
        this.run = run;
        this.target = target;
        this.request = request;
        this.charset = charset;
    }

    Target target() {
        return target;
    }

    /** The attempt loop; runs on a worker thread, never throws. */
    void execute() {
        RetryPolicy policy = request.options().retryPolicy();
        AttemptOutcome last = null;
        boolean stoppedWhileWaiting = false;
        try {
            for (int n = 1; ; n++) {
                CredentialBreaker.Logon logon = admit();
                if (logon == null) {
                    if (run.stopReason() != null) {
                        stoppedWhileWaiting = last != null;
                        break;
                    }
                    if (last == null) {
                        notAttempted(run.notAttemptedReason());
                        return;
                    }
                    break; // turned away before a retry: the last attempt's result stands
                }
                synchronized (gate) {
                    if (result != null) {
                        return; // already given up on (abandoned at the end of the run): never start now
                    }
                    if (started == null) {
                        started = Instant.now();
                    }
                    currentAttempt = n;
                    currentAttemptStarted = Instant.now();
                }
                final int attemptNo = n;
                emit(l -> l.attemptStarted(target, attemptNo));
                AttemptOutcome outcome;
                try {
                    outcome = attempt(n, logon);
                } catch (RuntimeException | Error e) {
                    logon.undecided(); // hosts waiting for this logon's verdict must not wait forever
                    throw e;
                }
                judgeLogon(logon, outcome);
                Duration next = nextDelay(outcome, n, policy);
                Attempt record = new Attempt(n, outcome.started, outcome.ended, outcome.status, outcome.exitCode,
                        outcome.error, outcome.failure == null ? null : outcome.failure.name(), next != null);
                synchronized (gate) {
                    attempts.add(record);
                    currentAttemptStarted = null;
                    currentOutput = null;
                    recorded = outcome;
                }
                emit(l -> l.attemptEnded(target, record, next));
                last = outcome;
                if (next == null) {
                    break;
                }
                if (run.awaitStop(next)) {
                    stoppedWhileWaiting = true;
                    break;
                }
            }
            finish(buildResult(last, stoppedWhileWaiting));
        } catch (RuntimeException | Error e) {
            // A bug (ours, a listener's, the client's) must cost this host only.
            finish(failedResult(HostStatus.ERROR, "internal error: " + oneLine(e.toString()), null));
            if (e instanceof VirtualMachineError) {
                throw e;
            }
        }
    }

    /** Null when this host must not be attempted now: the run stopped, or hosts are turned away. */
    private CredentialBreaker.Logon admit() {
        while (run.stopReason() == null && run.notAttemptedReason() == null) {
            CredentialBreaker.Logon logon = run.admitLogon(target);
            if (logon != null) {
                return logon;
            }
        }
        return null;
    }

    /** A 401 is a refused logon; any answer past the logon (a started command, a quota fault) an accepted one. */
    private static void judgeLogon(CredentialBreaker.Logon logon, AttemptOutcome outcome) {
        if (outcome.failure == FailureKind.AUTH_FAILED) {
            logon.refused();
        } else if (outcome.commandStarted || outcome.exitCode != null || outcome.failure == FailureKind.QUOTA_EXCEEDED) {
            logon.accepted();
        } else {
            logon.undecided();
        }
    }

    // Lock-free reads: cancel() must not wait behind a slow listener call holding the gate.

    /** Whether this host has begun (claimed by a worker and past the stop check). */
    boolean started() {
        return started != null;
    }

    boolean finished() {
        return result != null;
    }

    HostResult result() {
        return result;
    }

    /** Whether the attempt in flight is still starting its command (a Create may be on its way). */
    boolean startingShell() {
        AttemptHandle h = current;
        return h != null && h.starting();
    }

    /** Stops the attempt in flight, if any (cancel or overall deadline). */
    void abort() {
        AttemptHandle h = current;
        if (h != null) {
            h.abort();
        }
    }

    /**
     * Gives the host a result when its worker did not finish in time after a stop: SKIPPED if it
     * never started; the exit code if its command had already exited (only the shell's clean-up
     * was still under way); else {@code status} with the attempt in flight recorded as abandoned.
     */
    void abandon(HostStatus status, String message) {
        HostResult r;
        synchronized (gate) {
            if (result != null) {
                return;
            }
            AttemptOutput output = currentOutput;
            Integer exit = currentAttemptStarted == null || output == null ? null : output.exitCode();
            if (started == null) {
                r = skippedResult("not started: " + message);
            } else if (exit != null) {
                AttemptOutcome exited = AttemptOutcome.exited(currentAttemptStarted, exit, output);
                attempts.add(new Attempt(currentAttempt, exited.started, exited.ended, exited.status, exit, null, null,
                        false));
                currentAttemptStarted = null;
                r = buildResult(exited, false);
            } else if (currentAttemptStarted == null && recorded != null) {
                // The worker recorded its attempt and was about to give the result (or to wait for a
                // retry): that attempt's own words stand. The attempt is over, so shellNote() would
                // know nothing of a shell its Create or Delete may have left open.
                r = buildResult(recorded, attempts.get(attempts.size() - 1).retried() && run.stopReason() != null);
            } else {
                if (currentAttemptStarted != null) {
                    attempts.add(new Attempt(currentAttempt, currentAttemptStarted, Instant.now(), status, null,
                            message + "; the attempt did not stop in time and was abandoned",
                            (status == HostStatus.CANCELLED ? FailureKind.CANCELLED : FailureKind.COMMAND_TIMEOUT)
                                    .name(), false));
                    currentAttemptStarted = null;
                }
                r = abandonedResult(status, message + shellNote(), output);
            }
        }
        finish(r); // outside the gate: the listener may be slow
    }

    /**
     * Said of the shell when the run gives up on an attempt: its Create may have been acted on
     * unanswered, or its command's Delete is in flight or was refused.
     */
    private String shellNote() {
        AttemptHandle h = current;
        if (h == null) {
            return "";
        }
        if (h.starting()) {
            return "; a shell may still be open on host " + target.host() + " (its Create went unanswered)";
        }
        String named = h.commandShellLeftOpen();
        return named == null ? "" : "; " + named;
    }

    /** A host never started because {@link FleetRun#notAttemptedReason()} turned it away. */
    void notAttempted(String reason) {
        finish(skippedResult("not attempted: " + reason));
    }

    private AttemptOutcome attempt(int n, CredentialBreaker.Logon logon) {
        RunOptions opts = request.options();
        CommandSpec spec = request.command();
        Instant attemptStart = Instant.now();
        Instant commandDeadline = opts.commandTimeout() == null ? null : attemptStart.plus(opts.commandTimeout());
        Instant overallDeadline = run.overallDeadline();
        boolean overallFirst = overallDeadline != null
                && (commandDeadline == null || overallDeadline.isBefore(commandDeadline));
        Instant deadline = overallFirst ? overallDeadline : commandDeadline;

        AttemptHandle handle = new AttemptHandle();
        current = handle;
        if (run.stopReason() != null) {
            handle.abort();
        }
        ScheduledFuture<?> watchdog = commandDeadline == null ? null
                : run.schedule(() -> run.stopAsync(handle::commandDeadlinePassed),
                        Duration.between(Instant.now(), commandDeadline));
        AttemptOutput output = new AttemptOutput(charset, request.masker(), opts.outputLimitBytes(),
                spec.clixmlStderr(), (stream, line) -> emit(l -> l.outputLine(target, n, stream, line)));
        currentOutput = output;
        try {
            WinRsClient client = connect(n);
            try (client) {
                if (!handle.register(client)) {
                    throw new WinRmException(FailureKind.CANCELLED, false, "stopped before the shell was created");
                }
                RemoteCommand command = client.start(spec.command(), spec.arguments(), spec.skipCmdShell(),
                        spec.stdin() != null);
                logon.accepted(); // the others need not wait for the command to end
                try (command) {
                    if (!handle.register(command)) {
                        command.terminate();
                        throw new WinRmException(FailureKind.CANCELLED, true, "stopped as the command started");
                    }
                    if (spec.stdin() != null) {
                        command.writeStdin(spec.stdin(), true);
                    }
                    Instant awaitDeadline = deadline != null ? deadline : Instant.now().plus(NO_DEADLINE);
                    int exit = command.awaitExit(output, awaitDeadline);
                    output.finish();
                    return AttemptOutcome.exited(attemptStart, exit, output);
                }
            }
        } catch (WinRmException e) {
            output.finish();
            return failed(attemptStart, e.kind(), e.commandStarted(), e.message(opts.labels()), e.shellLeftOpen(),
                    handle, overallFirst, output);
        } catch (RuntimeException e) {
            output.finish();
            // Unknown state: treat as possibly started so it is never re-run by accident. A client
            // torn down by a stop may throw anything; the stop still decides the status then.
            return failed(attemptStart, null, true, "unexpected error: " + oneLine(e.toString()), null, handle,
                    overallFirst, output);
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            current = null;
        }
    }

    /** @param kind the classified failure, or null for an unexpected exception */
    private AttemptOutcome failed(Instant attemptStart, FailureKind kind, boolean commandStarted, String message,
                                  String shellLeftOpen, AttemptHandle handle, boolean overallFirst,
                                  AttemptOutput output) {
        FleetRun.StopReason stop = run.stopReason();
        HostStatus status;
        FailureKind failure = kind;
        String error;
        // What became of the remote command: the client's own words (it knows whether the host
        // answered Signal and Delete), or that it never started.
        String remote = commandStarted ? oneLine(message) : "stopped before the command started"
                + (shellLeftOpen == null ? "" : "; " + shellLeftOpen);
        if (handle.aborted() && stop != null) {
            status = stop.hostStatus();
            failure = stop == FleetRun.StopReason.CANCELLED ? FailureKind.CANCELLED : FailureKind.COMMAND_TIMEOUT;
            error = stop.describe(request.options()) + "; " + remote;
        } else if (handle.deadlinePassed() || kind == FailureKind.COMMAND_TIMEOUT) {
            status = HostStatus.TIMED_OUT;
            failure = FailureKind.COMMAND_TIMEOUT;
            error = (overallFirst ? FleetRun.StopReason.DEADLINE.describe(request.options())
                    : "command timeout " + request.options().commandTimeout() + " passed")
                    + "; " + remote;
        } else if (kind == null) {
            status = HostStatus.ERROR;
            error = message;
        } else {
            status = FailureClassifier.statusOf(kind);
            // The status is shown beside the message: AUTH_FAILED needs no second "AUTH_FAILED: ".
            error = kind.name().equals(status.name()) ? oneLine(message) : kind + ": " + oneLine(message);
        }
        return new AttemptOutcome(attemptStart, Instant.now(), status, null, failure, commandStarted,
                request.masker().mask(error), output);
    }

    private Duration nextDelay(AttemptOutcome outcome, int n, RetryPolicy policy) {
        if (n >= policy.maxAttempts() || run.stopReason() != null) {
            return null;
        }
        RetryDecision decision;
        if (outcome.status == HostStatus.SUCCEEDED || outcome.status == HostStatus.FAILED) {
            decision = FailureClassifier.classifyExit(outcome.exitCode, policy);
        } else if (outcome.failure == null) {
            return null;
        } else {
            decision = FailureClassifier.classify(outcome.failure, outcome.commandStarted, policy);
        }
        if (!decision.retry()) {
            return null;
        }
        Duration delay = policy.delayAfter(n, ThreadLocalRandom.current().nextDouble());
        Instant overall = run.overallDeadline();
        // A retry that could only start after the overall deadline would be SKIPPED anyway.
        if (overall != null && !Instant.now().plus(delay).isBefore(overall)) {
            return null;
        }
        return delay;
    }

    private HostResult buildResult(AttemptOutcome last, boolean stoppedWhileWaiting) {
        if (last == null) {
            FleetRun.StopReason stop = run.stopReason();
            return skippedResult("not started: " + (stop == null ? "run stopped" : stop.describe(request.options())));
        }
        HostStatus status = last.status;
        String message = last.error != null ? last.error : "exit code " + last.exitCode;
        if (stoppedWhileWaiting) {
            FleetRun.StopReason stop = run.stopReason();
            status = stop.hostStatus();
            message = stop.describe(request.options()) + " while waiting to retry (last attempt: " + message + ")";
        }
        int count;
        synchronized (gate) {
            count = attempts.size();
        }
        if (count > 1) {
            message = message + " (attempt " + count + ")";
        }
        return result(status, last.exitCode, message, last.output);
    }

    private HostResult failedResult(HostStatus status, String message, Integer exitCode) {
        return result(status, exitCode, request.masker().mask(message), null);
    }

    /**
     * A host given up on while its worker is still busy: keeps whatever output the attempt had
     * captured (the worker may still be adding to it; the captures are thread-safe).
     */
    private HostResult abandonedResult(HostStatus status, String message, AttemptOutput output) {
        return result(status, null, request.masker().mask(message), output);
    }

    /** The result with the attempts so far and {@code output}'s captures (none when null). */
    private HostResult result(HostStatus status, Integer exitCode, String message, AttemptOutput output) {
        BoundedTextCapture out = output == null ? null : output.stdoutCapture();
        BoundedTextCapture err = output == null ? null : output.stderrCapture();
        synchronized (gate) {
            return new HostResult(target, status, exitCode,
                    out == null ? "" : out.text(), out != null && out.truncated(),
                    err == null ? "" : err.text(), err != null && err.truncated(),
                    attempts, started, Instant.now(), message, null);
        }
    }

    private HostResult skippedResult(String message) {
        return new HostResult(target, HostStatus.SKIPPED, null, "", false, "", false, List.of(), null, null,
                message, null);
    }

    /**
     * Records the result once and reports it; later results (a late stuck attempt) are dropped.
     * The listener is called outside the gate, so a stop never waits behind a slow listener.
     */
    private void finish(HostResult r) {
        synchronized (gate) {
            if (result != null) {
                return;
            }
            result = r;
        }
        run.hostFinished(r);
    }

    private void emit(java.util.function.Consumer<RunListener> event) {
        synchronized (events) {
            if (result == null) {
                event.accept(run.listener());
            }
        }
    }

    /** A client for this host over its transport; contacts nobody yet. */
    private WinRsClient connect(int attempt) throws WinRmException {
        RunOptions o = request.options();
        if (o.transportFor(target) == Transport.SSH) {
            Consumer<String> notices = text -> {
                String masked = request.masker().mask(text);
                emit(l -> l.notice(target, attempt, masked));
            };
            return run.sshClients().connect(new SshConnectionSettings(target.host(), o.portFor(target),
                    request.user(), request.password(), request.sshKey(), o.connectTimeout(), o.operationTimeout(),
                    o.ssh(), notices));
        }
        return run.clients().connect(connectionSettings());
    }

    private ConnectionSettings connectionSettings() {
        RunOptions o = request.options();
        return new ConnectionSettings(target.host(), o.portFor(target), o.https(), request.user(), request.password(),
                o.connectTimeout(), o.operationTimeout(), request.command().codepage(), o.tls(), o.auth());
    }

    static String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return "(no detail)";
        }
        String s = text.strip();
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).replace('\r', ' ').strip();
    }

    /** What one attempt amounted to, before it becomes an {@link Attempt} record. */
    private record AttemptOutcome(Instant started, Instant ended, HostStatus status, Integer exitCode,
                                  FailureKind failure, boolean commandStarted, String error, AttemptOutput output) {

        static AttemptOutcome exited(Instant started, int exit, AttemptOutput output) {
            return new AttemptOutcome(started, Instant.now(), exit == 0 ? HostStatus.SUCCEEDED : HostStatus.FAILED,
                    exit, null, true, null, output);
        }
    }
}
