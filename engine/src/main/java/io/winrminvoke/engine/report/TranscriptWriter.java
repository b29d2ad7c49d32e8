package io.winrminvoke.engine.report;

import io.winrminvoke.engine.run.OutputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
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
    private static final byte[] MARKER = " === ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STDOUT = " [stdout] ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STDERR = " [stderr] ".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final String header;
    private java.io.OutputStream out;
    private boolean opened;
    private long lastFlush;
    private final InstantText timestamps = new InstantText();
    private final byte[] stamp = new byte[InstantText.MAX_LENGTH];

    /** {@code header} becomes the first line, after {@code #}. */
    TranscriptWriter(Path file, String header) {
        this.file = file;
        this.header = header;
    }

    synchronized void marker(Instant when, String text) throws IOException {
        write(when, MARKER, text);
        flush();
    }

    synchronized void line(Instant when, OutputStream stream, String text) throws IOException {
        write(when, stream == OutputStream.STDERR ? STDERR : STDOUT, text);
        if (System.nanoTime() - lastFlush > FLUSH_INTERVAL_NANOS) {
            flush();
        }
    }

    // Bytes, not a Writer: a Writer copies each string into chars and encodes them back.
    private void write(Instant when, byte[] separator, String text) throws IOException {
        java.io.OutputStream w = writer();
        w.write(stamp, 0, timestamps.write(stamp, when));
        w.write(separator);
        w.write(text.getBytes(StandardCharsets.UTF_8));
        w.write('\n');
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            java.io.OutputStream w = out;
            out = null;
            w.close();
        }
    }

    private void flush() throws IOException {
        out.flush();
        lastFlush = System.nanoTime();
    }

    /** Opens on first use; a use after close appends (a late call must not erase the transcript). */
    private java.io.OutputStream writer() throws IOException {
        if (out == null) {
            java.io.OutputStream stream = opened
                    ? Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                    : Files.newOutputStream(file);
            out = new BufferedOutputStream(stream, 16 * 1024);
            lastFlush = System.nanoTime();
            if (!opened) {
                opened = true;
                out.write(("# " + header + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
