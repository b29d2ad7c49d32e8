package io.winrminvoke.simulator.scenario;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the simulator accepts them: ISO-8601 ({@code PT0.05S}) or a number with a unit
 * ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}). The simulator must not depend on the engine,
 * so it cannot share the engine's parser.
 */
public final class DurationText {
    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private DurationText() {
    }

    /** @param what names the option or key in the error message */
    public static Duration parse(String text, String what) {
        String t = text == null ? "" : text.trim();
        try {
            Duration d;
            Matcher m = SHORT.matcher(t.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                double n = Double.parseDouble(m.group(1));
                double ms = switch (m.group(2)) {
                    case "ms" -> n;
                    case "s" -> n * 1000;
                    case "m" -> n * 60_000;
                    case "h" -> n * 3_600_000;
                    default -> n * 86_400_000;
                };
                d = Duration.ofNanos(Math.round(ms * 1_000_000));
            } else {
                d = Duration.parse(t);
            }
            if (d.isNegative()) {
                throw new ScenarioException(what + ": '" + text + "' is negative; a duration must be >= 0");
            }
            return d;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new ScenarioException(what + ": '" + text
                    + "' is not a duration; allowed: ISO-8601 like PT2S or a number with ms, s, m, h or d like 500ms");
        }
    }
}
