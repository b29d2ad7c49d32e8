package io.winrminvoke.invocation;

import io.winrminvoke.engine.InvalidInputException;

/**
 * How much of each host's stdout and stderr the Pipeline step returns to the script. The
 * returned list is kept in the build's program state (program.dat) for as long as the script
 * holds it, so it is bounded: {@code returnOutput: false} returns none, {@code outputLimit}
 * caps each stream (the full text is always in the host's transcript).
 */
public record ReturnedOutput(boolean returnOutput, int outputLimit) {

    /** Characters per stream and host when {@code outputLimit} is not given. */
    public static final int DEFAULT_LIMIT = 4096;
    /** The engine keeps at most 16 KiB of each stream per host; more cannot be returned. */
    public static final int MAX_LIMIT = 16 * 1024;

    public ReturnedOutput {
        if (outputLimit < 0 || outputLimit > MAX_LIMIT) {
            throw new InvalidInputException("outputLimit must be between 0 and " + MAX_LIMIT
                    + " characters, got " + outputLimit);
        }
    }

    /** @param outputLimit null when not given */
    public static ReturnedOutput of(boolean returnOutput, Integer outputLimit) {
        return new ReturnedOutput(returnOutput, outputLimit == null ? DEFAULT_LIMIT : outputLimit);
    }

    /**
     * The text to return for one stream: null when output is not returned, otherwise at most
     * {@link #outputLimit} characters of it, never ending inside a surrogate pair, followed by a
     * line saying how much was left out.
     */
    public String apply(String text) {
        if (!returnOutput || text == null) {
            return null;
        }
        if (text.length() <= outputLimit) {
            return text;
        }
        int end = outputLimit;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\n[winrm-invoke: " + (text.length() - end)
                + " more characters in the host's transcript]";
    }
}
