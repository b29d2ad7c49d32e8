package io.winrminvoke.engine.run;

import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.rollout.Wave;
import io.winrminvoke.engine.rollout.WaveReport;
import io.winrminvoke.engine.targets.Target;
import java.time.Duration;

/**
 * Observes a run as it happens. Called from worker threads, possibly concurrently for different
 * hosts (never concurrently for the same host); implementations must be thread-safe and quick.
 * Text passed here is already decoded and masked.
 */
public interface RunListener {

    RunListener NONE = new RunListener() { };

    default void runStarted(int totalHosts) {
    }

    default void attemptStarted(Target target, int attempt) {
    }

    /** One line of output (without its line terminator), as it arrives. */
    default void outputLine(Target target, int attempt, OutputStream stream, String line) {
    }

    /**
     * Something the person running the fleet should know about this host's attempt that is not
     * the command's output, e.g. an unknown SSH host key accepted (one line, masked).
     */
    default void notice(Target target, int attempt, String message) {
    }

    /** An attempt ended; {@code nextDelay} is the wait before the next attempt, or null if none follows. */
    default void attemptEnded(Target target, Attempt attempt, Duration nextDelay) {
    }

    /** A host reached its final result; {@code done} of {@code total} hosts are now finished. */
    default void hostFinished(HostResult result, int done, int total) {
    }

    /**
     * A wave of a staged run (waves or a failure budget given) starts; {@code wave} names its hosts
     * by their indices in the request's target list. Not called for an unstaged run.
     */
    default void waveStarted(Wave wave, int waveCount) {
    }

    /**
     * A wave ended: every host of it that started has its result. {@link WaveReport#describe()} is
     * the progress line; its decision says whether the next wave starts.
     */
    default void waveEnded(WaveReport report) {
    }

    default void runFinished(RunResult result) {
    }
}
