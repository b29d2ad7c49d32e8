package io.winrminvoke.invocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which hosts the build page lists, so a run on thousands of hosts does not render thousands of
 * rows: the hosts that did not succeed first (what the reader came for), then the others, in
 * input order, up to a bound; the rest are counted and left to results.csv. The counts per status
 * cover every host.
 *
 * @param shown     the hosts to list
 * @param notShown  how many hosts are not listed
 * @param byStatus  how many hosts ended in each status, in order of first appearance
 */
public record SummaryRows<T>(List<T> shown, int notShown, Map<String, Integer> byStatus) {

    /** Rows the build page shows at most. */
    public static final int MAX_ROWS = 50;
    public static final String SUCCEEDED = "SUCCEEDED";

    public SummaryRows {
        shown = List.copyOf(shown);
        // the page lists the statuses in this order; Map.copyOf would not keep it
        byStatus = Collections.unmodifiableMap(new LinkedHashMap<>(byStatus));
    }

    public static <T> SummaryRows<T> of(List<T> hosts, Function<T, String> status, int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must not be negative: " + maxRows);
        }
        List<T> shown = new ArrayList<>();
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (T host : hosts) {
            byStatus.merge(status.apply(host), 1, Integer::sum);
            if (shown.size() < maxRows && !SUCCEEDED.equals(status.apply(host))) {
                shown.add(host);
            }
        }
        for (T host : hosts) {
            if (shown.size() >= maxRows) {
                break;
            }
            if (SUCCEEDED.equals(status.apply(host))) {
                shown.add(host);
            }
        }
        return new SummaryRows<>(shown, hosts.size() - shown.size(), byStatus);
    }
}
