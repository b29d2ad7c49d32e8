package io.winrminvoke.engine.run;

import java.nio.charset.StandardCharsets;

/**
 * Keeps the first {@code limitBytes} (UTF-8) of a stream's lines for the host result and notes
 * whether more arrived. Memory stays bounded whatever the command prints: with the default 16 KiB
 * per stream, 1,000 hosts keep at most ~32 MB. Thread-safe: a run that gives up on a busy worker
 * reads it while the worker may still append.
 */
final class BoundedTextCapture {

    private final int limitBytes;
    private final StringBuilder text = new StringBuilder();
    private int bytes;
    private boolean truncated;

    BoundedTextCapture(int limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** Appends {@code line} and a newline, or as much of it as fits. */
    synchronized void appendLine(String line) {
        if (truncated) {
            return;
        }
        String withNewline = line + "\n";
        int lineBytes = utf8Length(withNewline);
        if (bytes + lineBytes <= limitBytes) {
            text.append(withNewline);
            bytes += lineBytes;
            return;
        }
        int room = limitBytes - bytes;
        int i = 0;
        while (i < withNewline.length()) {
            int cp = withNewline.codePointAt(i);
            int cpBytes = utf8Length(new String(Character.toChars(cp)));
            if (cpBytes > room) {
                break;
            }
            room -= cpBytes;
            bytes += cpBytes;
            text.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        truncated = true;
    }

    synchronized String text() {
        return text.toString();
    }

    synchronized boolean truncated() {
        return truncated;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
