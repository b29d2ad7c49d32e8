package io.winrminvoke.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.FailurePolicy;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.rollout.RolloutPolicy;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.FleetRunner;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A stopped rollout, run for real against the simulator, as every report file tells it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RolloutReportFilesTest {

    private static final String REASON = "not attempted: rollout stopped after wave 2 (2 of 3 failed, budget 1)";

    @TempDir
    Path dir;

    /** 7 hosts in waves 1, 2, 4; host 1 and 2 (wave 2) fail, so wave 3 never starts. */
    private RunResult runStoppedAfterWaveTwo() {
        try (SimulatedFleet fleet = SimulatedFleet.start(FleetConfig.builder().hosts(7).user("u").password("pw")
                .scenario(Scenario.fromJson("{\"hosts\":{\"1-2\":{\"exitCode\":2,\"steps\":[]}}}")).build())) {
            List<Target> targets = fleet.hosts().stream().map(h -> new Target(h.address(), h.port())).toList();
            RunOptions options = RunOptions.builder().retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                    .connectTimeout(Duration.ofSeconds(5)).rollout(RolloutPolicy.of("1,2,4", "1", false)).build();
            RunRequest request = new RunRequest(targets, "u", "pw", CommandSpec.commandLine("echo hi"), options,
                    SecretMasker.of("pw"));
            try (ReportDirectoryWriter reports = new ReportDirectoryWriter(new ReportContext(dir, "deploy", "1.0",
                    Map.of("waves", "1,2,4", "maxFailures", "1"), request.masker(), false))) {
                return FleetRunner.run(request, reports);
            }
        }
    }

    @Test
    void resultsJsonCarriesTheRolloutAndEveryHostsWave() throws Exception {
        RunResult result = runStoppedAfterWaveTwo();

        assertThat(ReportChecks.schemaErrors(dir.resolve("results.json"))).isEmpty();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        JsonNode rollout = json.at("/run/rollout");
        assertThat(rollout.get("waves").asText()).isEqualTo("1,2,4");
        assertThat(rollout.get("maxFailures").asText()).isEqualTo("1");
        assertThat(rollout.get("plan").toString()).isEqualTo("[1,2,4]");
        assertThat(rollout.get("stopped").asBoolean()).isTrue();
        assertThat(rollout.get("notAttempted").asInt()).isEqualTo(4);
        assertThat(rollout.get("summary").asText())
                .isEqualTo("rollout stopped after wave 2 (2 of 3 failed, budget 1): 4 hosts not attempted");
        assertThat(rollout.at("/waveReports/1/line").asText()).isEqualTo("wave 2/3: 2 hosts, 0 ok, 2 failed, "
                + "budget 1 exceeded (2 of 3 failed so far): stopping, 4 hosts not attempted");
        assertThat(json.at("/hosts/0/wave").asInt()).isEqualTo(1);
        assertThat(json.at("/hosts/2/wave").asInt()).isEqualTo(2);
        assertThat(json.at("/hosts/6/wave").asInt()).isEqualTo(3);
        assertThat(json.at("/hosts/6/status").asText()).isEqualTo("SKIPPED");
        assertThat(json.at("/hosts/6/message").asText()).isEqualTo(REASON);
        assertThat(FailurePolicy.of("fail", 0, 100).decide(result))
                .as("a stopped rollout fails even when every failure is tolerated")
                .isEqualTo(FailurePolicy.Verdict.FAILED);
        assertThat(FailurePolicy.of("fail", 0, 100).explain(result)).isEqualTo("rollout stopped after wave 2 "
                + "(2 of 3 failed, budget 1): 4 hosts not attempted; 6 of 7 hosts did not succeed: 2 failed, 4 not attempted (tolerated: 100%)");
    }

    @Test
    void junitCsvAndEventsSayItPlainly() throws Exception {
        runStoppedAfterWaveTwo();

        ReportChecks.validateJUnitXml(dir.resolve("junit.xml"));
        List<ReportChecks.JenkinsCase> cases = ReportChecks.parseLikeJenkins(dir.resolve("junit.xml")).get(0).cases();
        assertThat(cases.get(6).skipped()).isTrue();
        assertThat(cases.get(6).skippedMessage()).isEqualTo(REASON);
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("<property name=\"rollout\" value=\""
                + "rollout stopped after wave 2 (2 of 3 failed, budget 1): 4 hosts not attempted\"/>");
        assertThat(Files.readAllLines(dir.resolve("results.csv")).get(7)).endsWith(",SKIPPED,,0,0,\"" + REASON + "\"");
        List<String> events = Files.readAllLines(dir.resolve("events.jsonl"));
        assertThat(events).filteredOn(e -> e.contains("\"event\":\"wave-started\"")).hasSize(2);
        assertThat(events).filteredOn(e -> e.contains("\"event\":\"wave-ended\"")).hasSize(2)
                .last().asString().contains("\"level\":\"ERROR\"").contains("\"decision\":\"STOP\"");
        assertThat(events.get(events.size() - 1)).contains("\"event\":\"run-finished\"")
                .contains("\"rollout\":\"rollout stopped after wave 2");
    }

    @Test
    void reRunTakesFailedAndNotAttemptedHostsInWaveOrder() throws Exception {
        Path file = Files.writeString(dir.resolve("results.json"), """
                {"schemaVersion": 1, "hosts": [
                  {"host": "w3-a", "port": null, "status": "SKIPPED", "wave": 3},
                  {"host": "w1", "port": null, "status": "SUCCEEDED", "wave": 1},
                  {"host": "w2-a", "port": null, "status": "FAILED", "wave": 2},
                  {"host": "w3-b", "port": null, "status": "SKIPPED", "wave": 3},
                  {"host": "w2-b", "port": 5986, "status": "UNREACHABLE", "wave": 2}]}""");

        assertThat(ResultsJsonReader.targetsToRerun(file)).containsExactly(new Target("w2-a", 0),
                new Target("w2-b", 5986), new Target("w3-a", 0), new Target("w3-b", 0));
    }
}
