package io.winrminvoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.cli.InProcessCli.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code winrm-invoke demo} works with nothing but Java and exits 0 when it went as scripted. */
class DemoCommandTest {

    @TempDir
    Path reports;

    @Test
    void demoRunsTheScenarioAndExitsZero() throws Exception {
        Outcome outcome = InProcessCli.run(Map.of(), "demo", "--report-dir", reports.toString());

        assertThat(outcome.exitStatus()).as(outcome.toString()).isZero();
        assertThat(outcome.out())
                .contains("every host ended as the scenario intends")
                .contains("12 hosts in ")
                .contains("9 succeeded")
                .contains("1 failed", "1 unreachable", "1 timed out")
                .contains("\u3053\u3093\u306b\u3061\u306f\u3001\u4e16\u754c")
                .contains("/user:demo ****")
                .doesNotContain("Demo-Pa55word!");
        assertThat(reports.resolve("results.json")).isRegularFile();
        assertThat(Files.readString(reports.resolve("results.json"))).doesNotContain("Demo-Pa55word!");
    }
}
