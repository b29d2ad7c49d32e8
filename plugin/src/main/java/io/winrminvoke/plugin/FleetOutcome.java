package io.winrminvoke.plugin;

import io.winrminvoke.invocation.RolloutSummary;
import java.io.Serializable;
import java.util.List;

/**
 * What the agent sends back after a run: every host's outcome in input order, the engine's
 * verdict under the failure policy with its one-line explanation, and the report files written
 * (paths relative to the report directory, {@code /}-separated) for archiving; the rollout's
 * waves (null for a run without waves or budget); whether it was a dry run (no host contacted,
 * nothing written: hosts are {@code DRY_RUN}).
 */
record FleetOutcome(List<HostOutcome> hosts, String verdict, String explanation, List<String> reportFiles,
                    RolloutSummary rollout, boolean dryRun)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    FleetOutcome {
        hosts = List.copyOf(hosts);
        reportFiles = List.copyOf(reportFiles);
    }
}
