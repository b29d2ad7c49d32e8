package io.winrminvoke.invocation;

import io.winrminvoke.engine.report.ReportDirectoryWriter;
import io.winrminvoke.engine.report.TranscriptFileNames;
import io.winrminvoke.engine.targets.Target;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files one run wrote into its report directory, for archiving: the four reports and the
 * transcripts of this run's hosts, by the engine's names. Anything else in the directory (left
 * there by an earlier build in the same workspace, or by the user) is not this run's and is not
 * archived; no file dates are consulted.
 */
public final class ReportFiles {

    private static final List<String> REPORTS = List.of(ReportDirectoryWriter.RESULTS_JSON,
            ReportDirectoryWriter.RESULTS_CSV, ReportDirectoryWriter.JUNIT_XML, ReportDirectoryWriter.EVENTS_JSONL);

    private ReportFiles() {
    }

    /** Paths relative to {@code directory}, {@code /}-separated, in a stable order; only files that exist. */
    public static List<String> writtenBy(Path directory, List<Target> targets) {
        List<String> files = new ArrayList<>();
        for (String report : REPORTS) {
            if (Files.isRegularFile(directory.resolve(report), LinkOption.NOFOLLOW_LINKS)) {
                files.add(report);
            }
        }
        for (Target target : targets) {
            String transcript = TranscriptFileNames.relativePath(target);
            if (!files.contains(transcript)
                    && Files.isRegularFile(directory.resolve(transcript), LinkOption.NOFOLLOW_LINKS)) {
                files.add(transcript);
            }
        }
        return files;
    }
}
