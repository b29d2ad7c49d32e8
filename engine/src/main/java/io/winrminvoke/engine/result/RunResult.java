package io.winrminvoke.engine.result;

import java.util.List;

/** Every host's result, in input order, and the summary. */
public record RunResult(List<HostResult> hosts, RunSummary summary) {

    public RunResult {
        hosts = List.copyOf(hosts);
    }
}
