package io.winrminvoke.cli.run;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.report.ReportDirectories;
import io.winrminvoke.engine.report.ReportName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Chooses and creates the report directory before the run, so a bad path contacts no host. */
public final class ReportDirectoryOption {

    /** Where runs without {@code --report-dir} put their reports, relative to the working directory. */
    public static final Path DEFAULT_PARENT = Path.of("winrm-invoke-reports");
    private ReportDirectoryOption() {
    }

    /**
     * The {@code --report-dir} value, or a new {@code <report name>-<UTC time>} directory under
     * {@link #DEFAULT_PARENT} ({@code winrm-invoke-...} by default).
     */
    public static Path choose(Path requested, ReportName name) {
        return requested != null ? requested
                : ReportDirectories.newRunDirectory(DEFAULT_PARENT, name.value(), Instant.now());
    }

    /** Creates {@code dir} (and its parents). */
    public static Path create(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidInputException("--report-dir: " + dir + " exists and is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidInputException("--report-dir: cannot create " + dir + ": " + e);
        }
        if (!Files.isWritable(dir)) {
            throw new InvalidInputException("--report-dir: " + dir + " is not writable");
        }
        return dir;
    }
}
