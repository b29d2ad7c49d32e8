package io.winrminvoke.engine.result;

import io.winrminvoke.engine.rollout.RolloutReport;
import java.util.List;

/**
 * Every host's result, in input order (which is also wave order), the summary, and how the
 * rollout went (never null; {@code rollout().staged()} is false for a run without waves or budget).
 */
public record RunResult(List<HostResult> hosts, RunSummary summary, RolloutReport rollout) {

    public RunResult {
        hosts = List.copyOf(hosts);
        rollout = rollout == null ? RolloutReport.unstaged(hosts.size()) : rollout;
    }

    /** A run without waves or budget. */
    public RunResult(List<HostResult> hosts, RunSummary summary) {
        this(hosts, summary, null);
    }
}
