package io.winrminvoke.engine.run;

import java.util.function.Consumer;

/**
 * Cuts decoded text into lines (LF or CRLF, terminator dropped) as it arrives. A line longer
 * than {@code maxLineChars} is passed on in pieces of that length, so a stream without
 * newlines (1 MB of 'x') never holds more than one piece in memory. Not thread-safe.
 */
final class LineAssembler {

    /** Long enough for any real log line; short enough that 32 hosts in flight stay small. */
    static final int DEFAULT_MAX_LINE_CHARS = 8192;

    private final int maxLineChars;
    private final Consumer<String> lines;
    private final StringBuilder current = new StringBuilder();

    LineAssembler(int maxLineChars, Consumer<String> lines) {
        if (maxLineChars < 2) {
            throw new IllegalArgumentException("maxLineChars must be at least 2: " + maxLineChars);
        }
        this.maxLineChars = maxLineChars;
        this.lines = lines;
    }

    void append(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                emit(true);
            } else {
                current.append(c);
                if (current.length() >= maxLineChars) {
                    emitPiece();
                }
            }
        }
    }

    /** Passes on the last line if the stream did not end with a newline. */
    void finish() {
        if (current.length() > 0) {
            emit(false);
        }
    }

    private void emit(boolean terminated) {
        int end = current.length();
        if (terminated && end > 0 && current.charAt(end - 1) == '\r') {
            end--;
        }
        lines.accept(current.substring(0, end));
        current.setLength(0);
    }

    private void emitPiece() {
        // Keep a trailing CR (maybe half of CRLF) or a high surrogate for the next piece.
        int cut = current.length();
        char last = current.charAt(cut - 1);
        if (last == '\r' || Character.isHighSurrogate(last)) {
            cut--;
        }
        lines.accept(current.substring(0, cut));
        current.delete(0, cut);
    }
}
