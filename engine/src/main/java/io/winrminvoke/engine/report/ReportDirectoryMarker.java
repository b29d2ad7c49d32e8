package io.winrminvoke.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The file that marks a directory as a winrm-invoke report directory. Retention deletes only
 * directories that carry it, so pruning can never remove anything this tool did not create.
 */
public final class ReportDirectoryMarker {

    public static final String FILE_NAME = ".winrm-invoke-report";

    /** Only reading needs a mapper; a run into a new directory never builds one. */
    private static final class Reading {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private ReportDirectoryMarker() {
    }

    static void write(Path directory, String toolVersion, Instant created) throws IOException {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("tool", ResultsJsonWriter.TOOL_NAME);
        content.put("version", toolVersion);
        content.put("created", created.toString());
        Files.writeString(directory.resolve(FILE_NAME), PlainJsonWriter.toJson(content) + "\n");
    }

    /**
     * When the report directory was created, if {@code directory} is a real directory (not a
     * link) holding a regular marker file (not a link) written by this tool; empty otherwise.
     */
    public static Optional<Instant> createdAt(Path directory) {
        Path marker = directory.resolve(FILE_NAME);
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            JsonNode content = Reading.MAPPER.readTree(marker.toFile());
            if (content == null || !ResultsJsonWriter.TOOL_NAME.equals(content.path("tool").asText())) {
                return Optional.empty();
            }
            return Optional.of(Instant.parse(content.path("created").asText()));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
