package io.winrminvoke.engine.run;

import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.rollout.Wave;
import io.winrminvoke.engine.rollout.WaveReport;
import io.winrminvoke.engine.targets.Target;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Passes events to the caller's listener and swallows what it throws: a broken console or
 * report writer must not lose a host's result or stop the run.
 */
final class GuardedListener implements RunListener {

    private static final System.Logger LOG = System.getLogger(GuardedListener.class.getName());

    private final RunListener delegate;

    GuardedListener(RunListener delegate) {
        this.delegate = delegate == null ? RunListener.NONE : delegate;
    }

    @Override
    public void runStarted(int totalHosts) {
        guard("runStarted", () -> delegate.runStarted(totalHosts));
    }

    @Override
    public void attemptStarted(Target target, int attempt) {
        guard("attemptStarted", () -> delegate.attemptStarted(target, attempt));
    }

    @Override
    public void outputLine(Target target, int attempt, OutputStream stream, String line) {
        guard("outputLine", () -> delegate.outputLine(target, attempt, stream, line));
    }

    @Override
    public void notice(Target target, int attempt, String message) {
        guard("notice", () -> delegate.notice(target, attempt, message));
    }

    @Override
    public void attemptEnded(Target target, Attempt attempt, Duration nextDelay) {
        guard("attemptEnded", () -> delegate.attemptEnded(target, attempt, nextDelay));
    }

    @Override
    public void hostFinished(HostResult result, int done, int total) {
        guard("hostFinished", () -> delegate.hostFinished(result, done, total));
    }

    @Override
    public void waveStarted(Wave wave, int waveCount) {
        guard("waveStarted", () -> delegate.waveStarted(wave, waveCount));
    }

    @Override
    public void waveEnded(WaveReport report) {
        guard("waveEnded", () -> delegate.waveEnded(report));
    }

    @Override
    public void runFinished(RunResult result) {
        guard("runFinished", () -> delegate.runFinished(result));
    }

    private void guard(String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | LinkageError e) {
            // The exception text may quote output, which is already masked; the password is never in it.
            LOG.log(Level.WARNING, "run listener " + delegate.getClass().getName() + " failed in " + event
                    + ": " + e);
        }
    }
}
