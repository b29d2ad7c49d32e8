package io.winrminvoke.engine.run;

/**
 * Cuts decoded text into lines (LF or CRLF, terminator dropped) as it arrives. A line longer
 * than {@code maxLineChars} is passed on in pieces of that length, so a stream without
 * newlines (1 MB of 'x') never holds more than one piece in memory; the consumer is told which
 * piece ends the line, so it can mask across pieces. Not thread-safe.
 */
final class LineAssembler {

    /** Receives a line, or a piece of an overlong line; {@code endOfLine} marks its last piece. */
    @FunctionalInterface
    interface PieceConsumer {
        void accept(String text, boolean endOfLine);
    }

    /** Long enough for any real log line; short enough that 32 hosts in flight stay small. */
    static final int DEFAULT_MAX_LINE_CHARS = 8192;

    private final int maxLineChars;
    private final PieceConsumer lines;
    private final StringBuilder current = new StringBuilder();
    /** A piece of the current line has been passed on, so the line is open even if empty now. */
    private boolean lineOpen;

    LineAssembler(int maxLineChars, PieceConsumer lines) {
        if (maxLineChars < 2) {
            throw new IllegalArgumentException("maxLineChars must be at least 2: " + maxLineChars);
        }
        this.maxLineChars = maxLineChars;
        this.lines = lines;
    }

    void append(String text) {
        int from = 0;
        int length = text.length();
        while (from < length) {
            int newline = text.indexOf('\n', from);
            int end = newline < 0 ? length : newline;
            if (current.length() == 0 && !lineOpen && newline >= 0 && end - from < maxLineChars) {
                // a whole line inside this piece of text: no copy through the buffer
                int cut = end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
                lines.accept(text.substring(from, cut), true);
            } else {
                appendPart(text, from, end);
                if (newline >= 0) {
                    emit(true);
                }
            }
            from = newline < 0 ? length : newline + 1;
        }
    }

    private void appendPart(String text, int from, int to) {
        int at = from;
        while (at < to) {
            int take = Math.min(to - at, maxLineChars - current.length());
            current.append(text, at, at + take);
            at += take;
            if (current.length() >= maxLineChars) {
                emitPiece();
            }
        }
    }

    /** Passes on the last line if the stream did not end with a newline. */
    void finish() {
        if (current.length() > 0 || lineOpen) {
            emit(false);
        }
    }

    private void emit(boolean terminated) {
        int end = current.length();
        if (terminated && end > 0 && current.charAt(end - 1) == '\r') {
            end--;
        }
        lines.accept(current.substring(0, end), true);
        current.setLength(0);
        lineOpen = false;
    }

    private void emitPiece() {
        // Keep a trailing CR (maybe half of CRLF) or a high surrogate for the next piece.
        int cut = current.length();
        char last = current.charAt(cut - 1);
        if (last == '\r' || Character.isHighSurrogate(last)) {
            cut--;
        }
        lines.accept(current.substring(0, cut), false);
        current.delete(0, cut);
        lineOpen = true;
    }
}
