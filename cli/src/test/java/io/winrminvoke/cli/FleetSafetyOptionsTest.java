package io.winrminvoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.cli.InProcessCli.Outcome;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatedHost;
import io.winrminvoke.simulator.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** --auth-failure-limit, --report-name, days in durations, and messages without a repeated status. */
class FleetSafetyOptionsTest {

    private static final String PASSWORD = "Fleet-Safe-7";
    private static final int HOSTS = 6;

    /** A fleet per test: some tests assert that no request reached it. */
    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.with(
            FleetConfig.builder().hosts(HOSTS).user("admin").password(PASSWORD).clockScale(0.01));

    @TempDir
    Path dir;

    @Test
    void aWrongPasswordIsTriedOnOneHostAndTheOthersAreNotAttempted() {
        Outcome outcome = run("wrong", "--report-dir", dir.toString());

        assertThat(outcome.exitStatus()).as(outcome.toString()).isEqualTo(ExitStatus.SOME_FAILED);
        assertThat(outcome.out()).contains("1 auth failed").doesNotContain("AUTH_FAILED: AUTH_FAILED")
                .containsPattern("AUTH_FAILED +- +1 +\\S+ +Basic authentication as user 'admin' refused")
                // whichever worker reaches its host first is the one tried: any host may be "first"
                .containsPattern("not attempted: credentials refused by 1 host \\(first: (?:"
                        + IntStream.range(0, HOSTS).mapToObj(i -> Pattern.quote(display(i)))
                                .collect(Collectors.joining("|")) + ")\\)");
    }

    @Test
    void authFailureLimitZeroTriesEveryHost() {
        Outcome outcome = run("wrong", "--auth-failure-limit", "0", "--report-dir", dir.toString());

        assertThat(outcome.out()).as(outcome.toString()).contains(HOSTS + " auth failed")
                .doesNotContain("not attempted");
    }

    @Test
    void aNegativeAuthFailureLimitIsInvalidInputNamingTheOption() {
        Outcome outcome = run(PASSWORD, "--auth-failure-limit", "-1", "--report-dir", dir.toString());

        assertThat(outcome.exitStatus()).isEqualTo(ExitStatus.INVALID_INPUT);
        assertThat(outcome.errLines()).singleElement().asString()
                .startsWith("winrm-invoke: --auth-failure-limit: invalid value '-1'");
        assertThat(sim.fleet().counters().requests()).as("no host contacted").isZero();
    }

    @Test
    void reportNameNamesTheJUnitSuiteAndTheReportFiles() throws Exception {
        Outcome outcome = run(PASSWORD, "--report-name", "web-tier", "--report-dir", dir.toString());

        assertThat(outcome.exitStatus()).as(outcome.toString()).isZero();
        assertThat(dir.resolve("web-tier-results.json")).isRegularFile();
        assertThat(dir.resolve("web-tier-results.csv")).isRegularFile();
        assertThat(dir.resolve("web-tier-events.jsonl")).isRegularFile();
        assertThat(dir.resolve("results.json")).doesNotExist();
        assertThat(Files.readString(dir.resolve("web-tier-junit.xml"))).contains("<testsuite name=\"winrm-invoke.web-tier\"");
    }

    @Test
    void aReportNameWithBadCharactersIsOneLineNamingThem() {
        Outcome outcome = run(PASSWORD, "--report-name", "web tier/1", "--report-dir", dir.toString());

        assertThat(outcome.exitStatus()).isEqualTo(ExitStatus.INVALID_INPUT);
        assertThat(outcome.errLines()).singleElement().asString()
                .startsWith("winrm-invoke: --report-name: invalid value 'web tier/1': not allowed: ' ' (space), '/'");
        assertThat(sim.fleet().counters().requests()).as("no host contacted").isZero();
    }

    @Test
    void keepReportsForAcceptsDays() {
        Outcome outcome = run(PASSWORD, "--keep-reports-for", "30d", "--report-dir", dir.resolve("run").toString());

        assertThat(outcome.exitStatus()).as(outcome.toString()).isZero();
    }

    private Outcome run(String password, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--user", "admin", "--password-env", "PW",
                "--auth", "basic", "--allow-unencrypted", "--retries", "0", "--command", "echo hi"));
        for (int i = 0; i < HOSTS; i++) {
            args.add("--host");
            args.add(display(i));
        }
        return InProcessCli.run(Map.of("PW", password), InProcessCli.args(args, more));
    }

    private String display(int index) {
        SimulatedHost host = sim.fleet().host(index);
        return host.address() + ":" + host.port();
    }
}
