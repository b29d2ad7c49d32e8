package io.winrminvoke.engine.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends events to events.jsonl, one JSON object per line. The report writer flushes whenever
 * no further event waits, so a run that is killed still leaves its story. Thread-safe.
 */
final class EventLogWriter implements Closeable {

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
        out.write(PlainJsonWriter.toJson(fields(event)));
        out.write('\n');
    }

    /** Writes out what is buffered; called whenever no event is waiting (see ReportWriterThread). */
    synchronized void flush() throws IOException {
        if (!closed) {
            out.flush();
        }
    }

    private static Map<String, Object> fields(EventRecord event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("timestamp", event.timestamp());
        fields.put("level", event.level());
        fields.put("host", event.host());
        fields.put("attempt", event.attempt());
        fields.put("event", event.event());
        fields.put("message", event.message());
        fields.put("data", event.data());
        return fields;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
