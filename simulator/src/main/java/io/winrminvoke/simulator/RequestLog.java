package io.winrminvoke.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request the fleet received, in arrival order: always in memory, and also as JSON lines
 * (one {@link RequestLogEntry} per line) when a file is configured.
 */
public final class RequestLog implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final List<RequestLogEntry> entries = new ArrayList<>();
    private final BufferedWriter file;

    RequestLog(Path file) {
        try {
            this.file = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("request log " + file + ": cannot open for writing", e);
        }
    }

    void add(RequestLogEntry entry) {
        synchronized (entries) {
            entries.add(entry);
            if (file != null) {
                try {
                    file.write(JSON.writeValueAsString(entry));
                    file.newLine();
                    // flushed per entry so a test or a person can read it while the fleet runs
                    file.flush();
                } catch (IOException e) {
                    // The in-memory log stays complete; a full disk must not fail the simulated host.
                }
            }
        }
    }

    /** A snapshot of all entries so far, in order. */
    public List<RequestLogEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** The entries of one host, in order. */
    public List<RequestLogEntry> entriesFor(SimulatedHost host) {
        return entriesFor(host.name());
    }

    public List<RequestLogEntry> entriesFor(String hostName) {
        return entries().stream().filter(e -> e.host().equals(hostName)).toList();
    }

    /** Forgets the in-memory entries (the file keeps them), for tests that reuse a fleet. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    /** One entry as the JSON line the file holds. */
    public static String toJsonLine(RequestLogEntry entry) {
        try {
            return JSON.writeValueAsString(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        synchronized (entries) {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException ignored) {
                    // nothing left to do with a log that cannot be closed
                }
            }
        }
    }
}
