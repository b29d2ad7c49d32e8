package io.winrminvoke.plugin;

import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.run.OutputStream;
import io.winrminvoke.engine.run.RunListener;
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
        log.println("[" + result.target().display() + "] " + result.status()
                + (result.exitCode() == null ? "" : " (exit code " + result.exitCode() + ")")
                + (result.message() == null || result.status().isSuccess() ? "" : ": " + result.message())
                + " [" + done + "/" + total + "]");
        next.hostFinished(result, done, total);
    }

    @Override
    public void runFinished(RunResult result) {
        next.runFinished(result);
    }
}
