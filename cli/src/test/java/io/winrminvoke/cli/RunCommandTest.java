package io.winrminvoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.cli.InProcessCli.Outcome;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatedHost;
import io.winrminvoke.simulator.SimulatorExtension;
import io.winrminvoke.simulator.scenario.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code winrm-invoke run} end to end against a simulated fleet with one host of each kind. */
class RunCommandTest {

    private static final String PASSWORD = "Cl1-Secret#42";
    private static final Map<String, String> ENV = Map.of("WINRM_PW", PASSWORD);
    private static final String JAPANESE = "\u3053\u3093\u306b\u3061\u306f\u3001\u4e16\u754c";

    private static final int OK = 0;
    private static final int OK_JAPANESE = 1;
    private static final int EXITS_3 = 2;
    private static final int REFUSES = 3;
    private static final int LEAKS_PASSWORD = 4;

    /** One host of each kind; host 4 prints the password plainly, as bytes, base64-encoded and split. */
    private static final String SCENARIO = """
            {"hosts": {
              "0": {"exitCode": 0, "steps": [{"stdout": "hello from zero\\r\\n"}]},
              "1": {"exitCode": 0, "steps": [{"stdout": "%s\\r\\n"}]},
              "2": {"exitCode": 3, "steps": [{"stdout": "working\\r\\n"}, {"stderr": "disk full\\r\\n"}]},
              "3": {"refuse": true},
              "4": {"exitCode": 0, "steps": [
                  {"stdout": "password is %s\\r\\n"},
                  {"stdoutBase64": "%s"},
                  {"stdout": "encoded %s\\r\\n"},
                  {"stderr": "split %s"}, {"stderr": "%s end\\r\\n"}]}
            }}
            """.formatted(JAPANESE, PASSWORD, base64("as bytes " + PASSWORD + "\r\n"), base64(PASSWORD),
            PASSWORD.substring(0, 5), PASSWORD.substring(5));

    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.with(
            FleetConfig.builder().hosts(5).user("admin").password(PASSWORD)
                .clockScale(0.01).scenario(Scenario.fromJson(SCENARIO)));

    @TempDir
    Path reports;

    @Test
    void everyHostSucceededExitsZeroWithLiveLinesSummaryAndReports() throws Exception {
        Outcome outcome = run(hosts(OK, OK_JAPANESE), "--report-dir", reports.toString());

        assertThat(outcome.exitStatus()).as(outcome.toString()).isZero();
        assertThat(outcome.outLines()).contains("[" + display(OK) + "] hello from zero",
                "[" + display(OK_JAPANESE) + "] " + JAPANESE);
        assertThat(outcome.out()).containsPattern("(?m)^HOST +STATUS +EXIT +ATTEMPTS +DURATION +MESSAGE$")
                .containsPattern("(?m)^" + Pattern.quote(display(OK)) + " +SUCCEEDED +0 +1 ")
                .contains("2 hosts in ").contains(": 2 succeeded")
                .contains("Reports: " + reports.toAbsolutePath());
        assertThat(reports.resolve("results.json")).isRegularFile();
        assertThat(reports.resolve("results.csv")).isRegularFile();
        assertThat(reports.resolve("junit.xml")).isRegularFile();
        assertThat(reports.resolve("events.jsonl")).isRegularFile();
        // the only thing on stderr: the warning that Basic over plain HTTP (the opt-in this fleet needs) is in clear
        assertThat(outcome.errLines()).singleElement().asString()
                .startsWith("winrm-invoke: WARNING: --allow-unencrypted:").contains("unencrypted");
    }

    @Test
    void aNonZeroExitIsRetriedOnlyWithRetryOnExitCode() throws Exception {
        Outcome once = run(hosts(EXITS_3), "--report-dir", reports.resolve("once").toString(),
                "--retry-delay", "10ms");
        Outcome retried = run(hosts(EXITS_3), "--report-dir", reports.resolve("retried").toString(),
                "--retry-delay", "10ms", "--retries", "2", "--retry-on-exit-code");

        assertThat(once.out()).containsPattern("(?m)^" + Pattern.quote(display(EXITS_3)) + " +FAILED +3 +1 ");
        assertThat(retried.out()).containsPattern("(?m)^" + Pattern.quote(display(EXITS_3)) + " +FAILED +3 +3 ");
        assertThat(Files.readString(reports.resolve("retried").resolve("results.json")))
                .contains("\"retryOnNonZeroExit\" : true");
    }

    @Test
    void backoffAndItsCapShapeTheGapsBetweenAttempts() throws Exception {
        Outcome outcome = run(hosts(EXITS_3), "--report-dir", reports.toString(), "--retries", "3",
                "--retry-on-exit-code", "--retry-delay", "100ms", "--retry-backoff", "4", "--max-retry-delay", "500ms");

        assertThat(outcome.out()).containsPattern("(?m)^" + Pattern.quote(display(EXITS_3)) + " +FAILED +3 +4 ");
        JsonNode results = new ObjectMapper().readTree(reports.resolve("results.json").toFile());
        assertThat(results.at("/run/options/retryBackoff").asDouble()).isEqualTo(4.0);
        assertThat(results.at("/run/options/maxRetryDelay").asText()).isEqualTo("PT0.5S");
        // waits 100 ms, 400 ms, then 1600 ms capped at 500 ms, each +-20 % jitter (the cap holds after
        // it); with the default backoff the second would be at most 240 ms, without the cap the third
        // at least 1280 ms
        JsonNode attempts = results.at("/hosts/0/attempts");
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(Duration.between(Instant.parse(attempts.get(i - 1).get("ended").asText()),
                    Instant.parse(attempts.get(i).get("started").asText())).toMillis());
        }
        assertThat(gaps).hasSize(3);
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(80L);
        assertThat(gaps.get(1)).isBetween(320L, 1000L);
        assertThat(gaps.get(2)).isBetween(400L, 1000L);
    }

    @Test
    void aHostNamedWithAndWithoutItsDefaultPortRunsOnce() {
        SimulatedHost host = sim.fleet().host(OK);
        int before = requestsOf(OK);

        Outcome outcome = run(List.of("--host", host.address(), "--host", display(OK), "--port",
                String.valueOf(host.port())), "--report-dir", reports.toString());

        assertThat(outcome.exitStatus()).as(outcome.toString()).isZero();
        assertThat(outcome.out()).contains("1 host in ").contains(": 1 succeeded");
        assertThat(outcome.err()).contains("duplicate target '" + display(OK) + "' ignored")
                .contains("'" + host.address() + "'");
        // one Create, one Command: the command ran once
        assertThat(sim.fleet().requestLog().entriesFor(host).subList(before, requestsOf(OK)))
                .filteredOn(e -> e.operation().equals("Command")).hasSize(1);
    }

    @Test
    void aHostThatDidNotSucceedMakesTheExitStatusOne() {
        Outcome outcome = run(hosts(OK, EXITS_3), "--report-dir", reports.toString());

        assertThat(outcome.exitStatus()).as(outcome.toString()).isEqualTo(ExitStatus.SOME_FAILED);
        assertThat(outcome.outLines()).contains("[" + display(EXITS_3) + "] [stderr] disk full");
        assertThat(outcome.out())
                .containsPattern("(?m)^" + Pattern.quote(display(EXITS_3)) + " +FAILED +3 +1 ")
                .contains("1 succeeded, 1 failed");
    }

    @Test
    void quietPrintsNoLiveLinesButTheSummary() {
        Outcome outcome = run(hosts(OK, EXITS_3), "--quiet", "--report-dir", reports.toString());

        assertThat(outcome.exitStatus()).isEqualTo(ExitStatus.SOME_FAILED);
        assertThat(outcome.out()).doesNotContain("hello from zero").doesNotContain("disk full")
                .doesNotContain("[" + display(OK) + "]")
                .contains("HOST").contains("1 succeeded, 1 failed");
    }

    @Test
    void thePasswordNeverReachesTheConsoleInAnyForm() {
        Outcome outcome = run(hosts(OK, OK_JAPANESE, EXITS_3, REFUSES, LEAKS_PASSWORD),
                "--retries", "0", "--report-dir", reports.toString());

        assertThat(outcome.out()).contains("[" + display(LEAKS_PASSWORD) + "] password is ****");
        String everything = outcome.out() + outcome.err();
        assertThat(everything).doesNotContain(PASSWORD)
                .doesNotContain(base64(PASSWORD));
    }

    @Test
    void progressLineOnlyOnATerminal() {
        Outcome piped = run(false, hosts(OK), "--report-dir", reports.toString());
        Outcome terminal = run(true, hosts(OK), "--report-dir", reports.resolve("t").toString());

        assertThat(piped.out()).doesNotContain("1/1 done").doesNotContain("\r");
        assertThat(terminal.out()).contains("1/1 done");
    }

    @Test
    void rerunFailedRunsExactlyTheHostsThatDidNotSucceed() throws Exception {
        Path first = reports.resolve("first");
        Outcome firstRun = run(hosts(OK, OK_JAPANESE, EXITS_3, REFUSES), "--retries", "0",
                "--report-dir", first.toString());
        assertThat(firstRun.exitStatus()).isEqualTo(ExitStatus.SOME_FAILED);
        int okRequestsBefore = requestsOf(OK) + requestsOf(OK_JAPANESE);
        int failedRequestsBefore = requestsOf(EXITS_3);

        Path second = reports.resolve("second");
        Outcome rerun = InProcessCli.run(ENV, "run", "--rerun-failed", first.resolve("results.json").toString(),
                "--user", "admin", "--password-env", "WINRM_PW", "--auth", "basic", "--allow-unencrypted",
                "--command", "deploy.cmd", "--retries", "0",
                "--report-dir", second.toString());

        assertThat(rerun.exitStatus()).as(rerun.toString()).isEqualTo(ExitStatus.SOME_FAILED);
        assertThat(tableHosts(rerun)).containsExactly(display(EXITS_3), display(REFUSES));
        assertThat(requestsOf(OK) + requestsOf(OK_JAPANESE)).isEqualTo(okRequestsBefore);
        assertThat(requestsOf(EXITS_3)).isGreaterThan(failedRequestsBefore);
        assertThat(Files.readString(second.resolve("results.json"))).doesNotContain(display(OK));
    }

    @Test
    void rerunOfARunWhereEverythingSucceededHasNothingToDo() {
        Path first = reports.resolve("all-good");
        assertThat(run(hosts(OK), "--report-dir", first.toString()).exitStatus()).isZero();

        Outcome rerun = InProcessCli.run(ENV, "run", "--rerun-failed", first.resolve("results.json").toString(),
                "--user", "admin", "--password-env", "WINRM_PW", "--auth", "basic", "--allow-unencrypted",
                "--command", "deploy.cmd", "--report-dir", reports.resolve("none").toString());

        assertThat(rerun.exitStatus()).as(rerun.toString()).isZero();
        assertThat(rerun.out()).contains("nothing to re-run");
    }

    @Test
    void keepReportsDeletesOnlyOlderReportDirectoriesThisToolCreated() throws Exception {
        Path parent = reports.resolve("runs");
        Path unrelated = Files.createDirectories(parent.resolve("not-a-report"));
        for (String name : List.of("run-1", "run-2")) {
            Outcome earlier = run(hosts(OK), "--quiet", "--report-dir", parent.resolve(name).toString());
            assertThat(earlier.exitStatus()).isZero();
        }

        Outcome third = run(hosts(OK), "--quiet", "--keep-reports", "2",
                "--report-dir", parent.resolve("run-3").toString());

        assertThat(third.exitStatus()).as(third.toString()).isZero();
        assertThat(third.out()).contains("Deleted 1 old report directory");
        assertThat(parent.resolve("run-1")).doesNotExist();
        assertThat(parent.resolve("run-2")).isDirectory();
        assertThat(parent.resolve("run-3").resolve("results.json")).isRegularFile();
        assertThat(unrelated).isDirectory();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Outcome run(List<String> hostArgs, String... more) {
        return run(false, hostArgs, more);
    }

    private static Outcome run(boolean terminal, List<String> hostArgs, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--user", "admin", "--password-env", "WINRM_PW",
                "--auth", "basic", "--allow-unencrypted", "--command", "deploy.cmd"));
        args.addAll(hostArgs);
        return InProcessCli.run(ENV, terminal, InProcessCli.args(args, more));
    }

    private static List<String> hosts(int... indexes) {
        List<String> args = new ArrayList<>();
        for (int i : indexes) {
            args.add("--host");
            args.add(display(i));
        }
        return args;
    }

    private static String display(int index) {
        SimulatedHost host = sim.fleet().host(index);
        return host.address() + ":" + host.port();
    }

    private static int requestsOf(int index) {
        return sim.fleet().requestLog().entriesFor(sim.fleet().host(index)).size();
    }

    /** The HOST column of the summary table. */
    private static List<String> tableHosts(Outcome outcome) {
        List<String> lines = outcome.outLines();
        int heading = lines.indexOf(lines.stream().filter(l -> l.startsWith("HOST ")).findFirst().orElseThrow());
        List<String> hosts = new ArrayList<>();
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (!line.startsWith("127.0.0.1:")) {
                break;
            }
            hosts.add(line.split(" +")[0]);
        }
        return hosts;
    }
}
