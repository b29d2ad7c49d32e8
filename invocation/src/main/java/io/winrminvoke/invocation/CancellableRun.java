package io.winrminvoke.invocation;

import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.run.FleetRun;
import io.winrminvoke.engine.run.FleetRunner;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.run.RunRequest;
import java.time.Duration;

/**
 * One call's fleet run on the agent, as an abort must end it: interrupting the thread cancels the
 * run (the engine's cancel), and the call returns only once the Signal and Delete requests under
 * way have been sent, so that when the build ends no shell of the run is still open on a host
 * unless the engine has named it in the host's result (docs/engine.md, Cancellation).
 */
public final class CancellableRun {

    private CancellableRun() {
    }

    /**
     * @return the run's result when it ended by itself
     * @throws InterruptedException when the thread was interrupted: the run was cancelled and its
     *                              stops sent (or their bound, the stop grace plus the operation timeout, passed)
     */
    public static RunResult run(RunRequest request, RunListener listener) throws InterruptedException {
        FleetRun run = FleetRunner.start(request, listener);
        RunResult result = run.await(); // an interrupt cancels the run; await returns its result and keeps the flag
        if (Thread.interrupted()) {
            // await returns within the stop grace; a slow host's Signal and Delete may still be on their way
            run.awaitStopsSent(stopBound(request.options()));
            throw new InterruptedException("winrmInvoke aborted; the run was cancelled");
        }
        return result;
    }

    /**
     * The longest an interrupted {@link #run} takes to return: the engine's await (its grace, then
     * a late Create's answer), then the stops still under way, bounded alike.
     */
    public static Duration longestAbort(RunOptions options) {
        return stopBound(options).multipliedBy(2);
    }

    private static Duration stopBound(RunOptions options) {
        return FleetRun.STOP_GRACE.plus(options.operationTimeout());
    }
}
