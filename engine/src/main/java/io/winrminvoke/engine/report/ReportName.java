package io.winrminvoke.engine.report;

import io.winrminvoke.engine.InvalidInputException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The name of a run's reports: the JUnit suite, and a prefix of the report files
 * ({@code web-results.json}, {@code web-results.csv}, {@code web-junit.xml},
 * {@code web-events.jsonl}), so that several runs of one build keep separate test results. The
 * default name keeps the files' standard names ({@code results.json}, {@code junit.xml}, ...).
 * Transcripts stay in {@code hosts/}, named by host.
 *
 * @param value 1 to {@value #MAX_LENGTH} letters, digits, '.', '_' or '-', starting with a letter or digit
 */
public record ReportName(String value) {

    public static final ReportName DEFAULT = new ReportName("winrm-invoke");
    public static final int MAX_LENGTH = 64;
    private static final String ALLOWED = "letters, digits, '.', '_' and '-' (starting with a letter or digit, at most "
            + MAX_LENGTH + ")";

    /** @throws InvalidInputException naming the option {@code reportName}, the value and the characters not allowed */
    public ReportName {
        if (value == null || value.isEmpty()) {
            throw InvalidInputException.forOption("reportName", value == null ? "" : value, "empty; use " + ALLOWED);
        }
        Set<String> bad = new LinkedHashSet<>();
        value.codePoints().filter(c -> !allowed(c)).forEach(c -> bad.add(describe(c)));
        if (!bad.isEmpty()) {
            throw InvalidInputException.forOption("reportName", value, "not allowed: " + String.join(", ", bad)
                    + "; use " + ALLOWED);
        }
        if (!Character.isLetterOrDigit(value.charAt(0)) || value.length() > MAX_LENGTH) {
            throw InvalidInputException.forOption("reportName", value, "use " + ALLOWED);
        }
    }

    /** The name a report file of standard name {@code standard} gets in this run's directory. */
    public String fileName(String standard) {
        return equals(DEFAULT) ? standard : value + "-" + standard;
    }

    private static boolean allowed(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
    }

    private static String describe(int c) {
        if (c == ' ') {
            return "' ' (space)";
        }
        if (Character.isISOControl(c) || Character.isWhitespace(c)) {
            return String.format("U+%04X", c);
        }
        return "'" + new String(Character.toChars(c)) + "'";
    }

    @Override
    public String toString() {
        return value;
    }
}
