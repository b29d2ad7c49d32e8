package io.winrminvoke.cli.console;

import io.winrminvoke.engine.result.HostStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** "8 succeeded, 1 failed, 1 unreachable": the non-zero counts, in the status enum's order. */
public final class StatusCounts {

    private StatusCounts() {
    }

    public static String describe(Map<HostStatus, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (HostStatus status : HostStatus.values()) {
            int n = counts.getOrDefault(status, 0);
            if (n > 0) {
                parts.add(n + " " + label(status));
            }
        }
        return parts.isEmpty() ? "none finished" : String.join(", ", parts);
    }

    /** SUCCEEDED -> "succeeded", TIMED_OUT -> "timed out", AUTH_FAILED -> "auth failed". */
    public static String label(HostStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
