package io.winrminvoke.engine.report;

import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.result.RunSummary;
import io.winrminvoke.engine.run.OutputStream;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.targets.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run described host by host (attempts, output lines, final result) and played against a
 * listener the way the runner calls it: test fixtures built from the real result records.
 */
final class ScriptedRun {

    record Line(OutputStream stream, String text) {
    }

    record ScriptedAttempt(Attempt attempt, List<Line> lines, Duration nextDelay) {
    }

    record ScriptedHost(List<ScriptedAttempt> attempts, HostResult result) {
    }

    private final Instant start;
    private final List<ScriptedHost> hosts = new ArrayList<>();

    ScriptedRun(Instant start) {
        this.start = start;
    }

    Instant start() {
        return start;
    }

    ScriptedRun add(ScriptedHost host) {
        hosts.add(host);
        return this;
    }

    List<ScriptedHost> hosts() {
        return hosts;
    }

    RunResult result() {
        List<HostResult> results = hosts.stream().map(ScriptedHost::result).toList();
        Instant end = results.stream().map(HostResult::ended).filter(e -> e != null)
                .max(Instant::compareTo).orElse(start).plusMillis(5);
        return new RunResult(results, RunSummary.of(start, end, results));
    }

    /** Calls the listener in the runner's order, one host after the other. */
    RunResult play(RunListener listener) {
        listener.runStarted(hosts.size());
        int done = 0;
        for (ScriptedHost host : hosts) {
            playHost(listener, host);
            listener.hostFinished(host.result(), ++done, hosts.size());
        }
        RunResult result = result();
        listener.runFinished(result);
        return result;
    }

    static void playHost(RunListener listener, ScriptedHost host) {
        Target target = host.result().target();
        for (ScriptedAttempt a : host.attempts()) {
            listener.attemptStarted(target, a.attempt().number());
            for (Line line : a.lines()) {
                listener.outputLine(target, a.attempt().number(), line.stream(), line.text());
            }
            listener.attemptEnded(target, a.attempt(), a.nextDelay());
        }
    }

    /** Builds one host: attempts one second each from {@code from}; the last attempt's outcome is the status. */
    static final class HostBuilder {
        private final Target target;
        private final Instant from;
        private final List<ScriptedAttempt> attempts = new ArrayList<>();
        private final List<Line> pendingLines = new ArrayList<>();
        private final StringBuilder stdout = new StringBuilder();
        private final StringBuilder stderr = new StringBuilder();
        private boolean stdoutTruncated;
        private boolean stderrTruncated;

        HostBuilder(Target target, Instant from) {
            this.target = target;
            this.from = from;
        }

        HostBuilder out(String... lines) {
            for (String line : lines) {
                pendingLines.add(new Line(OutputStream.STDOUT, line));
                stdout.append(line).append('\n');
            }
            return this;
        }

        HostBuilder err(String... lines) {
            for (String line : lines) {
                pendingLines.add(new Line(OutputStream.STDERR, line));
                stderr.append(line).append('\n');
            }
            return this;
        }

        /** The in-memory copy keeps only this much; the lines played still carry everything. */
        HostBuilder keptStdout(String kept) {
            stdout.setLength(0);
            stdout.append(kept);
            stdoutTruncated = true;
            return this;
        }

        HostBuilder attempt(HostStatus outcome, Integer exitCode, String error, String failure) {
            int number = attempts.size() + 1;
            Instant started = from.plusSeconds(2L * (number - 1));
            Attempt attempt = new Attempt(number, started, started.plusMillis(1000 + number), outcome, exitCode,
                    error, failure, false);
            attempts.add(new ScriptedAttempt(attempt, List.copyOf(pendingLines), null));
            pendingLines.clear();
            return this;
        }

        ScriptedHost finish(HostStatus status, Integer exitCode, String message) {
            List<ScriptedAttempt> done = new ArrayList<>();
            for (int i = 0; i < attempts.size(); i++) {
                ScriptedAttempt a = attempts.get(i);
                boolean retried = i < attempts.size() - 1;
                Attempt at = a.attempt();
                done.add(new ScriptedAttempt(new Attempt(at.number(), at.started(), at.ended(), at.outcome(),
                        at.exitCode(), at.error(), at.failure(), retried), a.lines(), retried ? Duration.ofSeconds(1) : null));
            }
            List<Attempt> records = done.stream().map(ScriptedAttempt::attempt).toList();
            Instant started = records.isEmpty() ? null : records.get(0).started();
            Instant ended = records.isEmpty() ? null : records.get(records.size() - 1).ended();
            HostResult result = new HostResult(target, status, exitCode, stdout.toString(), stdoutTruncated,
                    stderr.toString(), stderrTruncated,
                    records, started, ended, message, null);
            return new ScriptedHost(done, result);
        }
    }

    static HostBuilder host(Target target, Instant from) {
        return new HostBuilder(target, from);
    }
}
