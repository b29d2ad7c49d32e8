package io.winrminvoke.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness end to end at small N (bench/run --quick): both clients run against the standalone
 * simulator, every host succeeds, the table, the CSV, the chart and the figures line come out.
 * No timing is asserted; this only keeps the harness from rotting.
 */
class BenchSmokeTest {

    @Test
    void quickRunMeasuresBothClientsAndPrintsTheFiguresLineLast(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path chart = dir.resolve("chart.svg");
        int status = new CommandLine(new BenchMain(new PrintStream(printed, true, StandardCharsets.UTF_8))).execute(
                "--quick", "--out", dir.resolve("out").toString(), "--chart", chart.toString(),
                "--cli-jar", System.getProperty("bench.cliJar"),
                "--simulator-jar", System.getProperty("bench.simulatorJar"),
                "--pywinrm-client", System.getProperty("bench.pywinrmClient"));

        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).as(String.join("\n", lines)).isZero();
        assertThat(lines.get(lines.size() - 1)).matches("efficiency=\\d+\\.\\d+ hosts_per_s=\\d+\\.\\d+ "
                + "speedup_vs_pywinrm=\\d+\\.\\d+ cpu_ratio_vs_pywinrm=\\d+\\.\\d+ peak_rss_mb=\\d+ "
                + "output_cpu_s_per_mib=-?\\d+\\.\\d+");
        for (String c : List.of("a", "sweep", "b", "c")) {
            for (Tool tool : java.util.List.of(Tool.engine(java.nio.file.Path.of("any.jar")), Tool.PYWINRM)) {
                // a row per case and tool: 1/1 repetitions succeeded, 5 or more requests per host
                assertThat(lines).anySatisfy(l -> assertThat(l).matches(
                        c + " +" + tool.label() + " +\\d+ +\\d+ +1/1 .*"));
            }
        }
        List<String> csv = Files.readAllLines(dir.resolve("out").resolve("runs.csv"));
        assertThat(csv).hasSize(1 + 4 * 2);
        // every run talked to the simulator: at least Create, Command, Receive, Signal, Delete per host
        for (String run : csv.subList(1, csv.size())) {
            String[] f = run.split(",");
            long hosts = Long.parseLong(f[2]);
            assertThat(Long.parseLong(f[10])).as(run).isGreaterThanOrEqualTo(5 * hosts);
            assertThat(Long.parseLong(f[9])).as(run).isPositive(); // peak RSS was measured
        }
        assertThat(Files.readString(chart)).startsWith("<svg").contains("winrm-invoke", "pywinrm", "<polyline");
    }
}
