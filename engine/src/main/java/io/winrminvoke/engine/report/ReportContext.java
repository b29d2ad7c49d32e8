package io.winrminvoke.engine.report;

import io.winrminvoke.engine.mask.Masker;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a report directory needs to know about a run besides its results.
 *
 * @param directory        the report directory (created if missing)
 * @param runName          a short name for the run: the JUnit suite/class name, shown in every file
 * @param toolVersion      the winrm-invoke version written into results.json
 * @param effectiveOptions the options the run used, already without secrets, in display order;
 *                         values may be strings, numbers, booleans, enums, durations, paths, lists
 *                         and maps. The command description goes under the key {@code "command"}.
 * @param masker           the run's masker; every text written is passed through it once more
 * @param csvByteOrderMark start results.csv with a UTF-8 byte order mark (Excel on Japanese
 *                         Windows reads BOM-less CSV as Shift_JIS)
 * @param reportName       names the report files ({@link ReportName#fileName}); null = the standard names
 */
public record ReportContext(Path directory, String runName, String toolVersion,
                            Map<String, Object> effectiveOptions, Masker masker, boolean csvByteOrderMark,
                            ReportName reportName) {

    /** A context whose files have their standard names. */
    public ReportContext(Path directory, String runName, String toolVersion, Map<String, Object> effectiveOptions,
                         Masker masker, boolean csvByteOrderMark) {
        this(directory, runName, toolVersion, effectiveOptions, masker, csvByteOrderMark, ReportName.DEFAULT);
    }

    public ReportContext {
        Objects.requireNonNull(directory, "directory");
        if (runName == null || runName.isBlank()) {
            throw new IllegalArgumentException("runName must not be blank, got: " + runName);
        }
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(masker, "masker");
        reportName = reportName == null ? ReportName.DEFAULT : reportName;
        // keeps the caller's order (LinkedHashMap) and allows null values, unlike Map.copyOf
        effectiveOptions = Collections.unmodifiableMap(new LinkedHashMap<>(
                effectiveOptions == null ? Map.of() : effectiveOptions));
    }

    /** The path of the report file of standard name {@code standard} (e.g. {@code junit.xml}) in this run's directory. */
    public Path file(String standard) {
        return directory.resolve(reportName.fileName(standard));
    }
}
