package io.winrminvoke.engine.options;

import io.winrminvoke.engine.InvalidInputException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser for durations given by users (CLI options, plugin fields, scenario values):
 * a whole number with a unit ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 30d}) or ISO-8601
 * ({@code PT30S}, {@code PT1M30S}, {@code P30D}). A day is 24 hours (retention periods are counted in days).
 */
public final class DurationParser {

    /** Shown in every error message so the user sees what would have worked. */
    public static final String ACCEPTED_FORMS =
            "expected a number with unit ms, s, m, h or d (500ms, 30s, 5m, 1h, 30d) or ISO-8601 (PT30S)";

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");

    private DurationParser() {
    }

    /**
     * @param text   what the user wrote
     * @param option the option's name as the user knows it (e.g. {@code --retry-delay}), for the message
     * @throws InvalidInputException naming the option, the value and the accepted forms
     */
    public static Duration parse(String text, String option) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.forOption(option, text == null ? "" : text, ACCEPTED_FORMS);
        }
        String trimmed = text.trim();
        Matcher m = WITH_UNIT.matcher(trimmed.toLowerCase(java.util.Locale.ROOT));
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        if (trimmed.length() > 1 && (trimmed.charAt(0) == 'P' || trimmed.charAt(0) == 'p')) {
            try {
                Duration d = Duration.parse(trimmed);
                if (!d.isNegative()) {
                    return d;
                }
            } catch (DateTimeParseException e) {
                // fall through to the one error message below
            }
        }
        throw InvalidInputException.forOption(option, text, ACCEPTED_FORMS);
    }
}
