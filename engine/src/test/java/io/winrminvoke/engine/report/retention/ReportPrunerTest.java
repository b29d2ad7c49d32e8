package io.winrminvoke.engine.report.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.report.ReportContext;
import io.winrminvoke.engine.report.ReportDirectories;
import io.winrminvoke.engine.report.ReportDirectoryMarker;
import io.winrminvoke.engine.report.ReportDirectoryWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPrunerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

    @TempDir
    Path parent;

    @TempDir
    Path elsewhere;

    /** Report directories made by the real writer, one a day for 10 days: day0 is the newest. */
    private final List<Path> reports = new ArrayList<>();

    @BeforeEach
    void createReports() {
        for (int day = 0; day < 10; day++) {
            Instant created = NOW.minus(Duration.ofDays(day)).minusSeconds(60);
            Path dir = ReportDirectories.newRunDirectory(parent, "nightly", created);
            ReportDirectoryWriter writer = new ReportDirectoryWriter(
                    new ReportContext(dir, "nightly", "1.0", Map.of(), Masker.NONE, false),
                    message -> { }, Clock.fixed(created, ZoneOffset.UTC));
            writer.close();
            reports.add(dir);
        }
    }

    @Test
    void keepsTheNewestNAndDeletesTheRest() throws Exception {
        PruneResult result = ReportPruner.prune(parent, RetentionPolicy.keepLast(3), NOW, Set.of());
        assertThat(result.kept()).containsExactlyElementsOf(reports.subList(0, 3));
        assertThat(result.deleted()).containsExactlyInAnyOrderElementsOf(reports.subList(3, 10));
        assertThat(reports.subList(3, 10)).allSatisfy(dir -> assertThat(dir).doesNotExist());
        assertThat(reports.subList(0, 3)).allSatisfy(dir -> assertThat(dir.resolve("events.jsonl")).exists());
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void deletesThoseOlderThanTheMaximumAge() throws Exception {
        PruneResult result = ReportPruner.prune(parent, RetentionPolicy.maxAge(Duration.ofDays(5)), NOW, Set.of());
        // day 0..4 are younger than 5 days (created a minute before each day mark)
        assertThat(result.kept()).containsExactlyElementsOf(reports.subList(0, 5));
        assertThat(result.deleted()).hasSize(5);
    }

    @Test
    void eitherRuleDeletes() throws Exception {
        PruneResult result = ReportPruner.prune(parent, new RetentionPolicy(7, Duration.ofDays(3)), NOW, Set.of());
        assertThat(result.kept()).containsExactlyElementsOf(reports.subList(0, 3));
        result = ReportPruner.prune(parent, new RetentionPolicy(2, Duration.ofDays(30)), NOW, Set.of());
        assertThat(result.kept()).containsExactlyElementsOf(reports.subList(0, 2));
    }

    @Test
    void neverTouchesWhatThisToolDidNotCreate() throws Exception {
        Path userDir = Files.createDirectories(parent.resolve("nightly-20200101T000000Z"));
        Files.writeString(userDir.resolve("important.txt"), "mine");
        Path userFile = Files.writeString(parent.resolve("notes.txt"), "mine too");
        Path foreignMarker = Files.createDirectories(parent.resolve("other-tool"));
        Files.writeString(foreignMarker.resolve(ReportDirectoryMarker.FILE_NAME), "{\"tool\":\"something-else\",\"created\":\"2000-01-01T00:00:00Z\"}");
        Path linkedMarker = Files.createDirectories(parent.resolve("linked-marker"));
        Files.createSymbolicLink(linkedMarker.resolve(ReportDirectoryMarker.FILE_NAME),
                reports.get(9).resolve(ReportDirectoryMarker.FILE_NAME));

        PruneResult result = ReportPruner.prune(parent, RetentionPolicy.keepLast(1), NOW, Set.of());

        assertThat(result.deleted()).hasSize(9);
        assertThat(userDir.resolve("important.txt")).hasContent("mine");
        assertThat(userFile).hasContent("mine too");
        assertThat(foreignMarker).isDirectory();
        assertThat(linkedMarker).isDirectory();
    }

    @Test
    void neverFollowsSymbolicLinks() throws Exception {
        Path precious = Files.writeString(elsewhere.resolve("precious.txt"), "keep me");
        Path oldReport = reports.get(9);
        Files.createSymbolicLink(oldReport.resolve("link-to-elsewhere"), elsewhere);
        Files.createSymbolicLink(oldReport.resolve("hosts").resolve("link-to-file"), precious);
        // a link in the parent that points at a report directory outside it is no candidate
        Path outsideReport = elsewhere.resolve("outside-report");
        new ReportDirectoryWriter(new ReportContext(outsideReport, "x", "1.0", Map.of(), Masker.NONE, false),
                m -> { }, Clock.fixed(NOW.minus(Duration.ofDays(400)), ZoneOffset.UTC)).close();
        Path linkInParent = Files.createSymbolicLink(parent.resolve("link-to-report"), outsideReport);

        PruneResult result = ReportPruner.prune(parent, RetentionPolicy.keepLast(1), NOW, Set.of());

        assertThat(result.deleted()).contains(oldReport).doesNotContain(linkInParent);
        assertThat(oldReport).doesNotExist();
        assertThat(precious).hasContent("keep me");
        assertThat(outsideReport.resolve("events.jsonl")).exists();
        assertThat(Files.isSymbolicLink(linkInParent)).isTrue();
    }

    @Test
    void theProtectedDirectoryIsKeptWhateverItsAge() throws Exception {
        Path current = reports.get(9);
        PruneResult result = ReportPruner.prune(parent, RetentionPolicy.keepLast(1), NOW,
                Set.of(parent.resolve(".").resolve(current.getFileName())));
        assertThat(current).isDirectory();
        assertThat(result.kept()).contains(current);
        assertThat(result.deleted()).hasSize(8);
    }

    @Test
    void aPolicyWithoutRulesKeepsEverything() throws Exception {
        assertThat(new RetentionPolicy(null, null).keepsEverything()).isTrue();
        PruneResult result = ReportPruner.prune(parent, new RetentionPolicy(null, null), NOW, Set.of());
        assertThat(result.deleted()).isEmpty();
        assertThat(result.kept()).hasSize(10);
    }

    @Test
    void invalidPoliciesNameTheRuleAndTheValue() {
        assertThatThrownBy(() -> RetentionPolicy.keepLast(0))
                .isInstanceOf(io.winrminvoke.engine.InvalidInputException.class)
                .hasMessage("keepLast: invalid value '0': allowed 1 or more (or unset to keep any number)");
        assertThatThrownBy(() -> RetentionPolicy.maxAge(Duration.ofDays(-1)))
                .isInstanceOf(io.winrminvoke.engine.InvalidInputException.class)
                .hasMessage("maxAge: invalid value 'PT-24H': a duration longer than 0 (or unset to keep any age)");
    }

    @Test
    void newRunDirectoriesAreTimestampedAndNeverReused() throws Exception {
        Path first = ReportDirectories.newRunDirectory(parent, "deploy web", NOW);
        assertThat(first.getFileName().toString()).matches("deploy_web~[0-9a-f]{8}-20261125T180000Z");
        Files.createDirectories(first);
        assertThat(ReportDirectories.newRunDirectory(parent, "deploy web", NOW).getFileName().toString())
                .endsWith("-20261125T180000Z-2");
    }
}
