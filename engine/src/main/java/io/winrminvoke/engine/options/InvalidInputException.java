package io.winrminvoke.engine.options;

/**
 * Input that cannot be run: a bad option value, a bad host entry, an empty host list. Thrown
 * before any host is contacted. The message is one line naming the option (or source and line),
 * the bad value and what is allowed, so the CLI can print it as is and exit 2.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    /** {@code <option>: invalid value '<value>': <allowed>}. */
    public static InvalidInputException forOption(String option, Object value, String allowed) {
        return new InvalidInputException(option + ": invalid value '" + value + "': " + allowed);
    }
}
