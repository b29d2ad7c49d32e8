package io.winrminvoke.cli.run;

import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.rollout.Wave;
import io.winrminvoke.engine.rollout.WaveReport;
import io.winrminvoke.engine.run.OutputStream;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.targets.Target;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Passes every event to several listeners, in order (the report writer first, then the console).
 * One listener failing does not keep the event from the others; the first failure is rethrown
 * afterwards for the engine to log.
 */
final class ListenerChain implements RunListener {

    private final List<RunListener> listeners;

    ListenerChain(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void runStarted(int totalHosts) {
        each(l -> l.runStarted(totalHosts));
    }

    @Override
    public void attemptStarted(Target target, int attempt) {
        each(l -> l.attemptStarted(target, attempt));
    }

    @Override
    public void outputLine(Target target, int attempt, OutputStream stream, String line) {
        each(l -> l.outputLine(target, attempt, stream, line));
    }

    @Override
    public void notice(Target target, int attempt, String message) {
        each(l -> l.notice(target, attempt, message));
    }

    @Override
    public void attemptEnded(Target target, Attempt attempt, Duration nextDelay) {
        each(l -> l.attemptEnded(target, attempt, nextDelay));
    }

    @Override
    public void hostFinished(HostResult result, int done, int total) {
        each(l -> l.hostFinished(result, done, total));
    }

    @Override
    public void waveStarted(Wave wave, int waveCount) {
        each(l -> l.waveStarted(wave, waveCount));
    }

    @Override
    public void waveEnded(WaveReport report) {
        each(l -> l.waveEnded(report));
    }

    @Override
    public void runFinished(RunResult result) {
        each(l -> l.runFinished(result));
    }

    private void each(Consumer<RunListener> event) {
        RuntimeException first = null;
        for (RunListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
