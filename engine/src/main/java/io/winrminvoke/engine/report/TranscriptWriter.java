package io.winrminvoke.engine.report;

import io.winrminvoke.engine.run.OutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The transcript of one host, written as the run goes: every line starts with the instant it was
 * written, then {@code ===} for markers (attempt start/end, final result) or {@code [stdout]} /
 * {@code [stderr]} for output. Flushed at every marker and at least once a second while output
 * flows, so a live {@code tail -f} lags little without a flush per line. Thread-safe.
 */
final class TranscriptWriter implements Closeable {

    private static final long FLUSH_INTERVAL_NANOS = 1_000_000_000L;

    private final Path file;
    private final String header;
    private Writer out;
    private boolean opened;
    private long lastFlush;
    private final InstantText timestamps = new InstantText();
    private final StringBuilder stamp = new StringBuilder(32);

    /** {@code header} becomes the first line, after {@code #}. */
    TranscriptWriter(Path file, String header) {
        this.file = file;
        this.header = header;
    }

    synchronized void marker(Instant when, String text) throws IOException {
        write(when, " === ", text);
        flush();
    }

    synchronized void line(Instant when, OutputStream stream, String text) throws IOException {
        write(when, stream == OutputStream.STDERR ? " [stderr] " : " [stdout] ", text);
        if (System.nanoTime() - lastFlush > FLUSH_INTERVAL_NANOS) {
            flush();
        }
    }

    private void write(Instant when, String separator, String text) throws IOException {
        Writer w = writer();
        stamp.setLength(0);
        timestamps.append(stamp, when);
        w.append(stamp);
        w.write(separator);
        w.write(text);
        w.write('\n');
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            Writer w = out;
            out = null;
            w.close();
        }
    }

    private void flush() throws IOException {
        out.flush();
        lastFlush = System.nanoTime();
    }

    /** Opens on first use; a use after close appends (a late call must not erase the transcript). */
    private Writer writer() throws IOException {
        if (out == null) {
            java.io.OutputStream stream = opened
                    ? Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                    : Files.newOutputStream(file);
            out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            lastFlush = System.nanoTime();
            if (!opened) {
                opened = true;
                out.write("# " + header + "\n");
            }
        }
        return out;
    }
}
