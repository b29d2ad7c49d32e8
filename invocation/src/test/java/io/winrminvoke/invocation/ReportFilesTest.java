package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.report.TranscriptFileNames;
import io.winrminvoke.engine.targets.TargetParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @Test
    void onlyTheReportsAndThisRunsTranscriptsAreListedWhateverTheirDates(@TempDir Path dir) throws Exception {
        var targets = TargetParser.parseLines(java.util.List.of("web1", "web2:5986", "web3"), "hosts").targets();
        Files.createDirectories(dir.resolve("hosts"));
        for (String f : new String[] {"results.json", "results.csv", "junit.xml", "events.jsonl",
                TranscriptFileNames.relativePath(targets.get(0)), TranscriptFileNames.relativePath(targets.get(1)),
                "hosts/old-host.log", "notes.txt"}) {
            Files.writeString(dir.resolve(f), "x");
        }
        // a transcript of this run dated "long ago" (clock skew, a copied workspace) is still this run's
        Files.setLastModifiedTime(dir.resolve(TranscriptFileNames.relativePath(targets.get(0))),
                FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));

        var files = ReportFiles.writtenBy(dir, targets);

        assertThat(files).containsExactly("results.json", "results.csv", "junit.xml", "events.jsonl",
                TranscriptFileNames.relativePath(targets.get(0)),
                TranscriptFileNames.relativePath(targets.get(1)));
        assertThat(files).doesNotContain("hosts/old-host.log", "notes.txt");
    }

    @Test
    void missingFilesAreNotListed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("results.json"), "{}");
        var targets = TargetParser.parseLines(java.util.List.of("web1"), "hosts").targets();

        assertThat(ReportFiles.writtenBy(dir, targets)).containsExactly("results.json");
    }
}
