package io.winrminvoke.engine.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Appends events to events.jsonl, one JSON object per line, flushed after each event so a run
 * that is killed still leaves its story. Thread-safe.
 */
final class EventLogWriter implements Closeable {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Writer out;
    private boolean closed;

    EventLogWriter(Path file) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8));
    }

    synchronized void write(EventRecord event) throws IOException {
        if (closed) {
            return;
        }
        // one string per event: a line is written whole or not at all
        out.write(MAPPER.writeValueAsString(event));
        out.write('\n');
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
