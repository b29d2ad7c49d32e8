package io.winrminvoke.bench;

import java.util.ArrayList;
import java.util.List;

/** Every client run of a benchmark, in the order they ran. */
final class BenchResults {
    private final List<ClientRun> runs = new ArrayList<>();

    void add(ClientRun run) {
        runs.add(run);
    }

    List<ClientRun> runs() {
        return List.copyOf(runs);
    }

    CaseSummary summary(BenchCase c, Tool tool) {
        return new CaseSummary(c, tool, runs.stream().filter(r -> r.benchCase().equals(c) && r.tool().equals(tool)).toList());
    }
}
