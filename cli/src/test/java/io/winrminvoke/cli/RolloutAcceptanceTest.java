package io.winrminvoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winrminvoke.cli.InProcessCli.Outcome;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's acceptance: rolling out in waves with a failure budget, and the dry run, through
 * {@code winrm-invoke run} against simulated fleets whose request logs say which hosts were contacted.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RolloutAcceptanceTest {

    private static final String PASSWORD = "R0ll-0ut#Pw";
    private static final Map<String, String> ENV = Map.of("PW", PASSWORD);

    @TempDir
    Path dir;

    @Test
    void aFailingCanaryWithBudgetZeroContactsOneHostOfAHundred() throws Exception {
        try (SimulatedFleet fleet = fleet(100, "{\"hosts\":{\"0\":{\"exitCode\":1,\"steps\":"
                + "[{\"stderr\":\"new build broken\\n\"}]}}}")) {
            Outcome outcome = run(fleet, "--waves", "1,10%,100%", "--max-failures", "0", "--command", "echo deployed");

            assertThat(outcome.exitStatus()).as(outcome.toString()).isEqualTo(ExitStatus.SOME_FAILED);
            assertThat(contacted(fleet)).containsExactly("host-000");
            JsonNode hosts = results().get("hosts");
            assertThat(hosts.get(0).get("status").asText()).isEqualTo("FAILED");
            int skipped = 0;
            for (int i = 1; i < 100; i++) {
                assertThat(hosts.get(i).get("status").asText()).isEqualTo("SKIPPED");
                assertThat(hosts.get(i).get("message").asText())
                        .isEqualTo("not attempted: rollout stopped after wave 1 (1 of 1 failed, budget 0)");
                skipped++;
            }
            assertThat(skipped).isEqualTo(99);
            assertThat(outcome.outLines()).contains("wave 1/3: 1 host starting",
                    "wave 1/3: 1 host, 0 ok, 1 failed, budget 0 exceeded: stopping, 99 hosts not attempted",
                    "100 hosts in " + between(outcome.out(), "100 hosts in ", ":") + ": 1 failed, 99 skipped",
                    "rollout stopped after wave 1 (1 of 1 failed, budget 0): 99 hosts not attempted");
            assertThat(outcome.out()).containsPattern("(?m)^HOST +WAVE +STATUS +EXIT +ATTEMPTS +DURATION +MESSAGE$")
                    .as("the wave line said it: no live line per host not attempted").doesNotContain("] SKIPPED in ");
            assertThat(Files.readString(dir.resolve("reports/junit.xml")))
                    .contains("<skipped message=\"not attempted: rollout stopped after wave 1 (1 of 1 failed, budget 0)\">");
        }
    }

    @Test
    void fourFailuresInWaveThreeOfTenOverAFivePercentBudgetLeaveWavesFourToTenUntouched() throws Exception {
        // hosts 26-29, the end of wave 3, fail after a second: by then every host of wave 3 has started
        try (SimulatedFleet fleet = fleet(100, "{\"hosts\":{\"26-29\":{\"exitCode\":5,\"steps\":"
                + "[{\"sleep\":\"PT1S\"},{\"stderr\":\"health check failed\\n\"}]}}}")) {
            Outcome outcome = run(fleet, "--waves", "10", "--max-failures", "5%", "--command", "echo deployed");

            assertThat(outcome.exitStatus()).as(outcome.toString()).isEqualTo(ExitStatus.SOME_FAILED);
            List<String> contacted = contacted(fleet);
            assertThat(contacted).hasSize(30).allMatch(h -> h.compareTo("host-030") < 0);
            JsonNode run = results();
            for (int i = 30; i < 100; i++) {
                assertThat(fleet.requestLog().entriesFor(fleet.host(i))).as("host %d", i).isEmpty();
                assertThat(run.at("/hosts/" + i + "/message").asText())
                        .isEqualTo("not attempted: rollout stopped after wave 3 (4 of 30 failed, budget 5%)");
            }
            assertThat(run.at("/hosts/25/status").asText()).isEqualTo("SUCCEEDED");
            assertThat(run.at("/hosts/29/status").asText()).isEqualTo("FAILED");
            assertThat(run.at("/hosts/29/wave").asInt()).isEqualTo(3);
            assertThat(run.at("/hosts/30/wave").asInt()).isEqualTo(4);
            assertThat(run.at("/run/rollout/waveReports").size()).isEqualTo(3);
            assertThat(outcome.outLines()).contains(
                    "wave 2/10: 10 hosts, 10 ok, 0 failed, budget 5% (0 of 20 failed so far): continuing",
                    "wave 3/10: 10 hosts, 6 ok, 4 failed, budget 5% exceeded (4 of 30 failed so far): "
                            + "stopping, 70 hosts not attempted");
            assertThat(outcome.out()).doesNotContain("wave 4/10");
        }
    }

    @Test
    void aDryRunOfFiveHundredHostsSendsNothingAndShowsTheWrapperAndTheWaves() throws Exception {
        try (SimulatedFleet fleet = fleet(500, "{}")) {
            Path script = Files.writeString(dir.resolve("deploy.ps1"), "param()\nWrite-Output \"deploying\"\n"
                    + "Restart-Service W3SVC\n");
            // two options from a file of arguments, as a team keeps its rollout settings
            Path args = Files.writeString(dir.resolve("rollout.args"), "--waves 1,10%,100%\n--max-failures 0\n");
            Outcome outcome = InProcessCli.run(ENV, "run", "--hosts-file", inventory(fleet).toString(),
                    "--user", "admin", "--password-env", "PW", "--powershell-file", script.toString(),
                    "--report-dir", dir.resolve("reports").toString(), "--throttle", "20", "@" + args, "--dry-run");

            assertThat(outcome.exitStatus()).as(outcome.toString()).isEqualTo(ExitStatus.ALL_SUCCEEDED);
            assertThat(fleet.requestLog().entries()).isEmpty();
            assertThat(dir.resolve("reports")).doesNotExist();
            List<String> out = outcome.outLines();
            assertThat(out).containsSubsequence(
                    "Dry run: the inputs are valid. No host was contacted and nothing was written.",
                    "Targets: 500 hosts, 3 waves of 1, 50, 449 hosts (waves 1,10%,100%, hosts in list order)",
                    "  wave 1/3: 1 host",
                    "  wave 2/3: 50 hosts",
                    "  wave 3/3: 449 hosts",
                    "-EncodedCommand decoded (UTF-16LE): the wrapper PowerShell runs on each host:",
                    "  | # winrm-invoke wrapper, see docs/powershell.md",
                    "The script it runs (decoded from the wrapper):",
                    "  | Write-Output \"deploying\"",
                    "  | Restart-Service W3SVC");
            assertThat(out).filteredOn(l -> l.matches(" {4}127\\.0\\.0\\.1:\\d+ +http://127\\.0\\.0\\.1:\\d+/wsman "
                    + " \\(port from the host entry\\)")).hasSize(500);
            assertThat(out).filteredOn(l -> l.startsWith("  powershell.exe -NoProfile")).hasSize(1);
            assertThat(out).contains("Command line, the same for all 500 hosts (run by cmd.exe, code page 65001):");
            assertThat(out).anyMatch(l -> l.matches("  throttle +20 +flag --throttle"))
                    .anyMatch(l -> l.matches("  waves +1,10%,100% +file @.*rollout\\.args \\(--waves\\)"))
                    .anyMatch(l -> l.matches("  maxFailures +0 +file @.*rollout\\.args \\(--max-failures\\)"))
                    .anyMatch(l -> l.matches("  retries +3 +default"))
                    .anyMatch(l -> l.matches("  password +\\*\\*\\*\\* +masked"));
            assertThat(outcome.out() + outcome.err()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void theWorkedExampleCanaryFailsTheFixGoesInAndTheRerunTakesEveryHostLeftInWaveOrder() throws Exception {
        // the "build" is a marker file: missing, the deployment fails; the fix creates it
        Path build = dir.resolve("build-42.ok");
        String deploy = "test -e " + build + " || { echo 'build 42 is broken' >&2; exit 3; }";
        try (SimulatedFleet fleet = fleet(20, "{}")) {
            Outcome broken = run(fleet, "--waves", "1,25%,100%", "--fail-fast", "--command", deploy);
            assertThat(broken.exitStatus()).isEqualTo(ExitStatus.SOME_FAILED);
            assertThat(contacted(fleet)).containsExactly("host-000");

            Files.createFile(build);
            fleet.requestLog().clear();
            Path first = dir.resolve("reports/results.json");
            Outcome rerun = InProcessCli.run(ENV, "run", "--rerun-failed", first.toString(), "--user", "admin",
                    "--password-env", "PW", "--command", deploy, "--waves", "1,25%,100%", "--fail-fast",
                    "--report-dir", dir.resolve("rerun").toString());

            assertThat(rerun.exitStatus()).as(rerun.toString()).isEqualTo(ExitStatus.ALL_SUCCEEDED);
            assertThat(contacted(fleet)).hasSize(20);
            JsonNode again = new ObjectMapper().readTree(dir.resolve("rerun/results.json").toFile());
            List<String> order = new ArrayList<>();
            again.get("hosts").forEach(h -> order.add(h.get("target").asText()));
            assertThat(order).isEqualTo(fleet.inventory());
            assertThat(again.at("/hosts/0/wave").asInt()).as("the failed canary is the canary again").isEqualTo(1);
            assertThat(rerun.outLines()).contains("wave 1/3: 1 host, 1 ok, 0 failed, budget 0: continuing",
                    "rollout ran all 3 waves: 0 of 20 failed, budget 0");
        }
    }

    // ---- helpers ----

    private static SimulatedFleet fleet(int hosts, String scenario) {
        return SimulatedFleet.start(FleetConfig.builder().hosts(hosts).user("admin").password(PASSWORD)
                .scenario(Scenario.fromJson(scenario)).build());
    }

    private Outcome run(SimulatedFleet fleet, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--hosts-file", inventory(fleet).toString(),
                "--user", "admin", "--password-env", "PW", "--retries", "0", "--report-dir",
                dir.resolve("reports").toString()));
        args.addAll(List.of(more));
        return InProcessCli.run(ENV, args.toArray(String[]::new));
    }

    private Path inventory(SimulatedFleet fleet) throws Exception {
        return Files.write(dir.resolve("hosts.txt"), fleet.inventory());
    }

    private JsonNode results() throws Exception {
        return new ObjectMapper().readTree(dir.resolve("reports/results.json").toFile());
    }

    private static List<String> contacted(SimulatedFleet fleet) {
        return fleet.requestLog().entries().stream().map(RequestLogEntry::host).distinct().sorted().toList();
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
