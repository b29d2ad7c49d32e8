package io.winrminvoke.cli.run;

import io.winrminvoke.engine.options.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Chooses and creates the report directory before the run, so a bad path contacts no host. */
public final class ReportDirectories {

    /** Where runs without {@code --report-dir} put their reports, relative to the working directory. */
    public static final Path DEFAULT_ROOT = Path.of("winrm-invoke-reports");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'");

    private ReportDirectories() {
    }

    /**
     * @param requested the {@code --report-dir} value, or null for a new timestamped directory
     *                  under {@link #DEFAULT_ROOT}
     * @return the directory, created
     */
    public static Path prepare(Path requested) {
        Path dir = requested != null ? requested : freshDefault();
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

    // UTC so that directories sort in run order whatever the machine's zone; a suffix when two
    // runs start within the same second.
    private static Path freshDefault() {
        String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        Path dir = DEFAULT_ROOT.resolve(stamp);
        for (int n = 2; Files.exists(dir); n++) {
            dir = DEFAULT_ROOT.resolve(stamp + "-" + n);
        }
        return dir;
    }
}
