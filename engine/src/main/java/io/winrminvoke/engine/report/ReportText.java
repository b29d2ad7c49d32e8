package io.winrminvoke.engine.report;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the report files spell instants, durations, counts and attempts: one place for all of them. */
final class ReportText {

    private ReportText() {
    }

    /** ISO-8601 in UTC, or null. */
    static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static long millis(Instant from, Instant to) {
        return from == null || to == null ? 0 : Math.max(0, Duration.between(from, to).toMillis());
    }

    /**
     * Seconds with three decimals, as JUnit's {@code time} attributes have them. Not through
     * {@code String.format}, which parses its pattern each time: 7 % of the client's Java samples
     * in a fleet of instant commands (two to three calls per host).
     */
    static String seconds(long millis) {
        long fraction = Math.abs(millis % 1000);
        String sign = millis < 0 && millis > -1000 ? "-" : "";
        return sign + millis / 1000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    /** {@code total} and one count per status, zeros included, in the enum's order. */
    static Map<String, Integer> counts(RunSummary summary) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("total", summary.total());
        for (HostStatus status : HostStatus.values()) {
            counts.put(status.name(), summary.count(status));
        }
        return counts;
    }

    /** {@code FAILED, exit code 3, CONNECTION_REFUSED: <error>, 1.001 s} on one line. */
    static String attempt(Attempt attempt, Masker masker) {
        StringBuilder text = new StringBuilder().append(attempt.outcome());
        if (attempt.exitCode() != null) {
            text.append(", exit code ").append(attempt.exitCode());
        }
        if (attempt.failure() != null) {
            text.append(", ").append(attempt.failure());
        }
        if (attempt.error() != null) {
            text.append(": ").append(masker.mask(attempt.error()));
        }
        text.append(", ").append(seconds(millis(attempt.started(), attempt.ended()))).append(" s");
        return oneLine(text.toString());
    }

    static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
