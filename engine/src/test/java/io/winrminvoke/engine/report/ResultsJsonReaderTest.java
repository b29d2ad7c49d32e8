package io.winrminvoke.engine.report;

import static io.winrminvoke.engine.report.ScriptedRun.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.targets.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonReaderTest {

    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");

    @TempDir
    Path tmp;

    private Path writeResults() {
        Path dir = tmp.resolve("report");
        ScriptedRun run = new ScriptedRun(T0);
        HostStatus[] statuses = HostStatus.values();
        for (int i = 0; i < statuses.length; i++) {
            HostStatus status = statuses[i];
            ScriptedRun.HostBuilder b = host(i == 2 ? new Target("::1", 5986) : new Target("host-" + status, i == 1 ? 5985 : 0), T0);
            if (status != HostStatus.SKIPPED) {
                Integer exitCode = switch (status) {
                    case FAILED -> 1;
                    case SUCCEEDED -> 0;
                    default -> null;
                };
                b.attempt(status, exitCode, null, null);
            }
            run.add(b.finish(status, null, status.name()));
        }
        run.add(host(new Target("host-ok-2", 0), T0).attempt(HostStatus.SUCCEEDED, 0, null, null)
                .finish(HostStatus.SUCCEEDED, 0, null));
        run.play(new ReportDirectoryWriter(new ReportContext(dir, "rerun", "1.0", Map.of(), Masker.NONE, false)));
        return dir.resolve("results.json");
    }

    @Test
    void selectsExactlyTheHostsThatDidNotSucceedInFileOrder() {
        assertThat(ResultsJsonReader.targetsToRerun(writeResults())).containsExactly(
                new Target("host-FAILED", 5985),
                new Target("::1", 5986),
                new Target("host-UNREACHABLE", 0),
                new Target("host-AUTH_FAILED", 0),
                new Target("host-ERROR", 0),
                new Target("host-CANCELLED", 0),
                new Target("host-SKIPPED", 0));
    }

    @Test
    void aHostReachedOverSshIsReRunOverSsh() {
        Path dir = tmp.resolve("ssh-report");
        ScriptedRun run = new ScriptedRun(T0);
        Target ssh = new Target("web01", 2222, io.winrminvoke.engine.targets.Transport.SSH);
        run.add(host(ssh, T0).attempt(HostStatus.FAILED, 1, null, null).finish(HostStatus.FAILED, 1, "exit code 1"));
        run.play(new ReportDirectoryWriter(new ReportContext(dir, "rerun", "1.0", Map.of(), Masker.NONE, false)));

        assertThat(ResultsJsonReader.read(dir.resolve("results.json")).hosts().get(0).target())
                .isEqualTo("ssh://web01:2222");
        assertThat(ResultsJsonReader.targetsToRerun(dir.resolve("results.json"))).containsExactly(ssh);
    }

    @Test
    void readsTheWholeDocumentBack() {
        ResultsDocument document = ResultsJsonReader.read(writeResults());
        assertThat(document.schemaVersion()).isEqualTo(1);
        assertThat(document.run().name()).isEqualTo("rerun");
        assertThat(document.run().counts()).containsEntry("total", 9).containsEntry("SUCCEEDED", 2);
        assertThat(document.hosts()).hasSize(9);
        assertThat(document.hosts().get(2).target()).isEqualTo("[::1]:5986");
    }

    @Test
    void aMissingFileIsAClearError() {
        Path missing = tmp.resolve("nope/results.json");
        assertThatThrownBy(() -> ResultsJsonReader.targetsToRerun(missing))
                .isInstanceOf(InvalidResultsFileException.class)
                .hasMessage("results file not found: " + missing);
    }

    @Test
    void invalidJsonIsAClearError() throws Exception {
        Path file = Files.writeString(tmp.resolve("results.json"), "{\"schemaVersion\": 1, \"hosts\": [");
        assertThatThrownBy(() -> ResultsJsonReader.targetsToRerun(file))
                .isInstanceOf(InvalidResultsFileException.class)
                .hasMessageStartingWith(file + " is not valid JSON");
    }

    @Test
    void aFileWithoutSchemaVersionIsRejected() throws Exception {
        Path file = Files.writeString(tmp.resolve("results.json"), "{\"hosts\": []}");
        assertThatThrownBy(() -> ResultsJsonReader.targetsToRerun(file))
                .isInstanceOf(InvalidResultsFileException.class)
                .hasMessage(file + " is not a winrm-invoke results.json (no integer schemaVersion)");
        Path array = Files.writeString(tmp.resolve("array.json"), "[]");
        assertThatThrownBy(() -> ResultsJsonReader.targetsToRerun(array))
                .hasMessage(array + " is not a winrm-invoke results.json (no JSON object)");
    }

    @Test
    void anUnsupportedSchemaVersionIsRejectedNamingBothVersions() throws Exception {
        Path file = Files.writeString(tmp.resolve("results.json"), "{\"schemaVersion\": 2, \"hosts\": []}");
        assertThatThrownBy(() -> ResultsJsonReader.targetsToRerun(file))
                .isInstanceOf(InvalidResultsFileException.class)
                .hasMessage(file + " has schemaVersion 2; this version of winrm-invoke reads schemaVersion 1");
    }

    @Test
    void unknownFieldsAreIgnoredAndBrokenHostsNamed() throws Exception {
        Path ok = Files.writeString(tmp.resolve("ok.json"), """
                {"schemaVersion": 1, "futureField": true,
                 "hosts": [{"target": "a", "host": "a", "port": null, "status": "FAILED", "addedLater": 1},
                           {"target": "b:5", "host": "b", "port": 5, "status": "SUCCEEDED"}]}""");
        assertThat(ResultsJsonReader.targetsToRerun(ok)).containsExactly(new Target("a", 0));

        Path broken = Files.writeString(tmp.resolve("broken.json"), """
                {"schemaVersion": 1, "hosts": [{"target": "a", "host": "a", "status": "FAILED"}, {"target": "x"}]}""");
        assertThatThrownBy(() -> ResultsJsonReader.targetsToRerun(broken))
                .isInstanceOf(InvalidResultsFileException.class)
                .hasMessage(broken + ": hosts[1] has no host or status");

        Path badPort = Files.writeString(tmp.resolve("port.json"), """
                {"schemaVersion": 1, "hosts": [{"host": "a", "port": 70000, "status": "FAILED"}]}""");
        assertThatThrownBy(() -> ResultsJsonReader.targetsToRerun(badPort))
                .hasMessageContaining("hosts[0] is not a valid target: port out of range: 70000");
    }
}
