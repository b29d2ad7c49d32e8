package io.winrminvoke.plugin;

import hudson.remoting.VirtualChannel;
import io.winrminvoke.invocation.RunningCalls;
import java.io.File;
import java.time.Duration;
import jenkins.MasterToSlaveFileCallable;

/**
 * Waits on the agent, at most {@code max}, for an aborted call's run to end: the controller sends
 * it after the abort let its first call go ({@link AgentFleetCallable}). True if the run has ended.
 */
final class AgentRunEnd extends MasterToSlaveFileCallable<Boolean> {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final Duration max;

    AgentRunEnd(String runId, Duration max) {
        this.runId = runId;
        this.max = max;
    }

    @Override
    public Boolean invoke(File workspace, VirtualChannel channel) throws InterruptedException {
        return RunningCalls.awaitEnd(runId, max);
    }
}
