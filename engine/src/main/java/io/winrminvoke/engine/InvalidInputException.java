package io.winrminvoke.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * This message with the engine's setting names replaced by the names a front end's user typed
     * (the plugin's {@code allowUnencrypted} for the engine's {@code basicOverHttp}). Names are
     * identifiers, replaced as whole words wherever the message quotes them; this exception is the
     * cause.
     *
     * @param names engine setting name to the front end's name
     * @return this exception when no name occurs
     */
    public InvalidInputException renamed(Map<String, String> names) {
        String message = String.valueOf(getMessage());
        String renamed = message;
        for (Map.Entry<String, String> name : names.entrySet()) {
            renamed = renamed.replaceAll("\\b" + Pattern.quote(name.getKey()) + "\\b",
                    Matcher.quoteReplacement(name.getValue()));
        }
        if (renamed.equals(message)) {
            return this;
        }
        InvalidInputException translated = new InvalidInputException(renamed);
        translated.initCause(this);
        return translated;
    }
}
