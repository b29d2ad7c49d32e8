package io.winrminvoke.cli.console;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them in a table: {@code 850ms}, {@code 2.0s}, {@code 3m05s}, {@code 1h02m}. */
public final class HumanDuration {

    private HumanDuration() {
    }

    public static String format(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1_000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
