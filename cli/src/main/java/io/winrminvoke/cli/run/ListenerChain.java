package io.winrminvoke.cli.run;

import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.run.OutputStream;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.targets.Target;
import java.time.Duration;
import java.util.List;

/** Passes every event to several listeners, in order (the report writer first, then the console). */
final class ListenerChain implements RunListener {

    private final List<RunListener> listeners;

    ListenerChain(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void runStarted(int totalHosts) {
        listeners.forEach(l -> l.runStarted(totalHosts));
    }

    @Override
    public void attemptStarted(Target target, int attempt) {
        listeners.forEach(l -> l.attemptStarted(target, attempt));
    }

    @Override
    public void outputLine(Target target, int attempt, OutputStream stream, String line) {
        listeners.forEach(l -> l.outputLine(target, attempt, stream, line));
    }

    @Override
    public void attemptEnded(Target target, Attempt attempt, Duration nextDelay) {
        listeners.forEach(l -> l.attemptEnded(target, attempt, nextDelay));
    }

    @Override
    public void hostFinished(HostResult result, int done, int total) {
        listeners.forEach(l -> l.hostFinished(result, done, total));
    }

    @Override
    public void runFinished(RunResult result) {
        listeners.forEach(l -> l.runFinished(result));
    }
}
