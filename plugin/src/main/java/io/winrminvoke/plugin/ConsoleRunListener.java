package io.winrminvoke.plugin;

import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.run.OutputStream;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.rollout.Wave;
import io.winrminvoke.engine.rollout.WaveReport;
import io.winrminvoke.engine.targets.Target;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows a run live in the build log as {@code [host] line}, and passes every event on to the
 * report writer. Text arrives already masked by the engine; this class only formats it.
 */
final class ConsoleRunListener implements RunListener {

    private final PrintStream log;
    private final RunListener next;
    /** Set once a wave stopped the rollout: the hosts left get no line each, the wave's line counted them. */
    private volatile boolean rolloutStopped;

    ConsoleRunListener(PrintStream log, RunListener next) {
        this.log = log;
        this.next = next;
    }

    @Override
    public void runStarted(int totalHosts) {
        log.println("[winrm-invoke] " + totalHosts + " host(s)");
        next.runStarted(totalHosts);
    }

    @Override
    public void attemptStarted(Target target, int attempt) {
        log.println("[" + target.display() + "] attempt " + attempt + " started");
        next.attemptStarted(target, attempt);
    }

    @Override
    public void outputLine(Target target, int attempt, OutputStream stream, String line) {
        log.println("[" + target.display() + "]" + (stream == OutputStream.STDERR ? " (stderr) " : " ") + line);
        next.outputLine(target, attempt, stream, line);
    }

    @Override
    public void attemptEnded(Target target, Attempt attempt, Duration nextDelay) {
        if (nextDelay != null) {
            log.println("[" + target.display() + "] attempt " + attempt.number() + " " + attempt.outcome()
                    + (attempt.error() == null ? "" : ": " + attempt.error()) + "; retrying in " + nextDelay);
        }
        next.attemptEnded(target, attempt, nextDelay);
    }

    @Override
    public void hostFinished(HostResult result, int done, int total) {
        if (rolloutStopped && result.status() == HostStatus.SKIPPED) {
            next.hostFinished(result, done, total);
            return;
        }
        log.println("[" + result.target().display() + "] " + result.status()
                + (result.exitCode() == null ? "" : " (exit code " + result.exitCode() + ")")
                + (result.message() == null || result.status().isSuccess() ? "" : ": " + result.message())
                + " [" + done + "/" + total + "]");
        next.hostFinished(result, done, total);
    }

    // Engine notices (an accepted unknown SSH host key) and the waves of a staged run (docs/rollout.md).

    @Override
    public void notice(Target target, int attempt, String message) {
        log.println("[" + target.display() + "] warning: " + message);
        next.notice(target, attempt, message);
    }

    @Override
    public void waveStarted(Wave wave, int waveCount) {
        log.println("[winrm-invoke] " + wave.startingLine(waveCount));
        next.waveStarted(wave, waveCount);
    }

    @Override
    public void waveEnded(WaveReport report) {
        rolloutStopped = report.decision() == WaveReport.Decision.STOP;
        log.println("[winrm-invoke] " + report.describe());
        next.waveEnded(report);
    }

    @Override
    public void runFinished(RunResult result) {
        next.runFinished(result);
    }
}
