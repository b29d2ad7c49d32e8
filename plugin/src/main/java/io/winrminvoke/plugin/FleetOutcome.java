package io.winrminvoke.plugin;

import java.io.Serializable;
import java.util.List;

/**
 * What the agent sends back after a run: every host's outcome in input order, the engine's
 * verdict under the failure policy with its one-line explanation, and the report files written
 * (paths relative to the report directory, {@code /}-separated) for archiving.
 */
record FleetOutcome(List<HostOutcome> hosts, String verdict, String explanation, List<String> reportFiles)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    FleetOutcome {
        hosts = List.copyOf(hosts);
        reportFiles = List.copyOf(reportFiles);
    }
}
