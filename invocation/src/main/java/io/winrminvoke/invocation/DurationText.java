package io.winrminvoke.invocation;

import java.util.Locale;

/**
 * A host's duration as the build page shows it: {@code 850 ms}, {@code 4.2 s}, {@code 38 s},
 * {@code 3 min 05 s}, {@code 1 h 02 min}. Unit symbols rather than words, so the text reads the
 * same in every locale.
 */
public final class DurationText {

    private DurationText() {
    }

    public static String humanise(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("duration must not be negative: " + millis);
        }
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 10_000) {
            // one decimal, truncated: 9999 ms is 9.9 s, never a rounded-up "10.0 s"
            return (millis / 1_000) + "." + (millis % 1_000) / 100 + " s";
        }
        long seconds = millis / 1_000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3_600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3_600, (seconds % 3_600) / 60);
    }
}
