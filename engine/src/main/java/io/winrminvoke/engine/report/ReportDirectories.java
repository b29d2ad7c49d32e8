package io.winrminvoke.engine.report;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Names a new report directory under a parent that holds one directory per run (the layout
 * retention prunes): {@code <run name>-<UTC time>}, e.g. {@code nightly-20261125T180000Z}, with
 * {@code -2}, {@code -3}... if that exists. The run name is made file-name safe by the same rule
 * as transcript names.
 */
public final class ReportDirectories {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReportDirectories() {
    }

    public static Path newRunDirectory(Path parent, String runName, Instant now) {
        String base = TranscriptFileNames.baseName(runName) + "-" + STAMP.format(now);
        Path candidate = parent.resolve(base);
        for (int n = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = parent.resolve(base + "-" + n);
        }
        return candidate;
    }
}
