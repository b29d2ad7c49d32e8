package io.winrminvoke.engine.result;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts per status and total time of a run. */
public record RunSummary(Instant started, Instant ended, Map<HostStatus, Integer> counts) {

    public RunSummary {
        counts = Map.copyOf(counts);
    }

    public static RunSummary of(Instant started, Instant ended, List<HostResult> results) {
        Map<HostStatus, Integer> counts = new EnumMap<>(HostStatus.class);
        for (HostStatus s : HostStatus.values()) {
            counts.put(s, 0);
        }
        for (HostResult r : results) {
            counts.merge(r.status(), 1, Integer::sum);
        }
        return new RunSummary(started, ended, counts);
    }

    public Duration duration() {
        return Duration.between(started, ended);
    }

    public int count(HostStatus status) {
        return counts.getOrDefault(status, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean allSucceeded() {
        return count(HostStatus.SUCCEEDED) == total();
    }
}
