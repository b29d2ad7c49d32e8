package io.winrminvoke.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Every repetition of one case by one tool. */
record CaseSummary(BenchCase benchCase, Tool tool, List<ClientRun> runs) {

    CaseSummary {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("case " + benchCase.label() + " has no runs of " + tool.label());
        }
    }

    Spread wall() {
        return spread(ClientRun::wallSeconds);
    }

    Spread cpu() {
        return spread(ClientRun::cpuSeconds);
    }

    Spread peakRssMb() {
        return spread(ClientRun::peakRssMb);
    }

    Spread spread(ToDoubleFunction<ClientRun> value) {
        return Spread.of(runs.stream().map(r -> value.applyAsDouble(r)).toList());
    }

    boolean allSucceeded() {
        return runs.stream().allMatch(ClientRun::succeeded);
    }
}
