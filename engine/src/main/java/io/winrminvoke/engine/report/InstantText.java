package io.winrminvoke.engine.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@link Instant#toString()}'s text (ISO-8601 in UTC, fraction in groups of three digits), as
 * ASCII bytes, for the timestamp that starts every transcript line, without formatting the date
 * and time anew for each: the text of the current second is kept. One per writer; not thread-safe.
 */
final class InstantText {

    /** "+10000-01-01T00:00:00.123456789Z" is the longest (years past 9999 get a sign). */
    static final int MAX_LENGTH = 40;

    private long second = Long.MIN_VALUE;
    /** "2026-12-02T17:43:45" for {@link #second}. */
    private byte[] secondText;

    /** Writes {@code when} into {@code out} (at least {@link #MAX_LENGTH} long); returns the length. */
    int write(byte[] out, Instant when) {
        if (when.getEpochSecond() != second) {
            String full = Instant.ofEpochSecond(when.getEpochSecond()).toString(); // "...:45Z"
            second = when.getEpochSecond();
            secondText = full.substring(0, full.length() - 1).getBytes(StandardCharsets.US_ASCII);
        }
        System.arraycopy(secondText, 0, out, 0, secondText.length);
        int at = secondText.length;
        int nanos = when.getNano();
        if (nanos != 0) {
            out[at++] = '.';
            if (nanos % 1_000_000 == 0) {
                at = digits(out, at, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                at = digits(out, at, nanos / 1000, 6);
            } else {
                at = digits(out, at, nanos, 9);
            }
        }
        out[at++] = 'Z';
        return at;
    }

    private static int digits(byte[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
