package io.winrminvoke.engine.report;

import java.time.Instant;

/**
 * {@link Instant#toString()}'s text (ISO-8601 in UTC, fraction in groups of three digits) for the
 * timestamp that starts every transcript line, without formatting the date and time anew for each:
 * the text of the current second is kept. One per writer; not thread-safe.
 */
final class InstantText {

    private long second = Long.MIN_VALUE;
    /** "2026-12-02T17:43:45" for {@link #second}. */
    private String secondText;

    /** Appends {@code when} as {@code Instant.toString()} would write it. */
    void append(StringBuilder out, Instant when) {
        if (when.getEpochSecond() != second) {
            String full = Instant.ofEpochSecond(when.getEpochSecond()).toString(); // "...:45Z"
            second = when.getEpochSecond();
            secondText = full.substring(0, full.length() - 1);
        }
        out.append(secondText);
        int nanos = when.getNano();
        if (nanos != 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(out, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                digits(out, nanos / 1000, 6);
            } else {
                digits(out, nanos, 9);
            }
        }
        out.append('Z');
    }

    private static void digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int pad = width - text.length(); pad > 0; pad--) {
            out.append('0');
        }
        out.append(text);
    }
}
