package io.winrminvoke.engine.report;

import io.winrminvoke.engine.winrm.AuthSettings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.FleetRun;
import io.winrminvoke.engine.run.FleetRunner;
import io.winrminvoke.engine.run.OutputStream;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.scenario.Scenario;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's acceptance: a mixed fleet run for real on the simulator with the report directory
 * writer attached, then every file checked, and the report directory and the console searched
 * for the password in every form. One run (setup) and many checks (tests).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MixedFleetReportTest {

    private static final String USER = "admin";
    /** Characters that XML, JSON, CSV and URLs all have to escape, so an escaped leak is caught too. */
    private static final String PASSWORD = "Pa$$w0rd&<Sec\"ret>!";
    private static final int HUGE_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int OK = 0, NONZERO = 1, REFUSED = 2, AUTH = 3, TIMEOUT = 4, HUGE = 5, JAPANESE = 6,
            SECRETS = 7, XML_ILLEGAL = 8, CANCELLED = 9, NEVER_STARTED = 10, HOSTS = 11;

    @TempDir
    static Path tmp;

    private static SimulatedFleet fleet;
    private static Path dir;
    private static RunResult result;
    private static final StringBuilder console = new StringBuilder();

    @BeforeAll
    static void runTheMixedFleet() throws Exception {
        fleet = SimulatedFleet.start(FleetConfig.builder().hosts(HOSTS).user(USER).password(PASSWORD).https(false)
                .clockScale(0.01).scenario(Scenario.fromJson(scenario())).build());
        List<Target> targets = fleet.hosts().stream().map(h -> new Target(h.address(), h.port())).toList();
        RunOptions options = RunOptions.builder()
                // one host at a time: the timed-out host is done before the cancelled one starts
                .throttle(1)
                .connectTimeout(Duration.ofSeconds(5)).operationTimeout(Duration.ofSeconds(5))
                // every host but the hanging one must finish within it even on a loaded machine
                .commandTimeout(Duration.ofSeconds(8))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(20)).jitter(0).build())
                .auth(AuthSettings.unencryptedBasic())
                // every status in one run: the host with another password must not stop the rest
                .authFailureLimit(0)
                .build();
        // warm-up (class loading, JIT) so the first host of the real run is not slow for that alone
        FleetRunner.run(new RunRequest(targets.subList(OK, OK + 1), USER, PASSWORD,
                CommandSpec.commandLine("warm-up"), options, SecretMasker.of(PASSWORD)), RunListener.NONE);
        SecretMasker masker = SecretMasker.of(PASSWORD);
        Map<String, Object> effective = new LinkedHashMap<>();
        effective.put("command", "deploy.cmd /quiet");
        effective.put("user", USER);
        effective.put("throttle", options.throttle());
        effective.put("commandTimeout", options.commandTimeout());
        dir = tmp.resolve("report");
        ReportDirectoryWriter writer = new ReportDirectoryWriter(
                new ReportContext(dir, "mixed", "0.1.0-test", effective, masker, true), console::append);

        CountDownLatch cancelTargetRunning = new CountDownLatch(1);
        Target cancelTarget = targets.get(CANCELLED);
        RunListener consoleCapture = new ConsoleCapture();
        RunListener both = new Both(writer, consoleCapture, (target, line) -> {
            if (target.equals(cancelTarget) && line.equals("waiting for cancel")) {
                cancelTargetRunning.countDown();
            }
        });
        FleetRun run = FleetRunner.start(new RunRequest(targets, USER, PASSWORD,
                CommandSpec.commandLine("deploy.cmd /quiet"), options, masker), both);
        assertThat(cancelTargetRunning.await(45, TimeUnit.SECONDS)).as("the host to cancel is running").isTrue();
        run.cancel();
        result = run.await();
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static String scenario() throws Exception {
        ObjectNode hosts = JSON.createObjectNode();
        hosts.set(String.valueOf(OK), steps(out("hello from the fleet\n")));
        ObjectNode nonZero = steps(out("starting\n"), err("oops: disk full\n"));
        nonZero.put("exitCode", 3);
        hosts.set(String.valueOf(NONZERO), nonZero);
        hosts.set(String.valueOf(REFUSED), JSON.createObjectNode().put("refuse", true));
        hosts.set(String.valueOf(AUTH), JSON.createObjectNode().put("password", "not-the-password"));
        hosts.set(String.valueOf(TIMEOUT), steps(out("working\n"), JSON.createObjectNode().put("hang", true)));
        hosts.set(String.valueOf(HUGE), steps(JSON.createObjectNode().put("stdoutRepeat", "x").put("bytes", HUGE_BYTES)));
        hosts.set(String.valueOf(JAPANESE), steps(JSON.createObjectNode().put("stdoutBase64",
                base64("こんにちは世界\n日本語の出力です\n".getBytes(StandardCharsets.UTF_8)))));
        String encodedCommand = base64(("$p = '" + PASSWORD + "'; Use-It $p").getBytes(StandardCharsets.UTF_16LE));
        hosts.set(String.valueOf(SECRETS), steps(
                out("plain: " + PASSWORD + "\n"),
                out("base64: " + base64(("user:" + PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\n"),
                out("encoded command: powershell -EncodedCommand " + encodedCommand + "\n"),
                out("url: https://host/?pw=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "\n"),
                // the same line in two Receive answers: 200 ms (scaled) of silence between the halves
                out("split: " + PASSWORD.substring(0, 6)),
                JSON.createObjectNode().put("sleep", "PT20S"),
                out(PASSWORD.substring(6) + " end\n"),
                err("stderr: " + PASSWORD + "\n")));
        ByteArrayOutputStream illegal = new ByteArrayOutputStream();
        illegal.writeBytes("nul[".getBytes(StandardCharsets.UTF_8));
        illegal.writeBytes(new byte[] {0x00, 0x01, 0x1B, 0x07, 0x0C, 0x7F});
        illegal.writeBytes("] ]]> <&> \"quotes\" 'apos'\n".getBytes(StandardCharsets.UTF_8));
        hosts.set(String.valueOf(XML_ILLEGAL), steps(JSON.createObjectNode().put("stdoutBase64", base64(illegal.toByteArray()))));
        hosts.set(String.valueOf(CANCELLED), steps(out("waiting for cancel\n"), JSON.createObjectNode().put("hang", true)));
        hosts.set(String.valueOf(NEVER_STARTED), steps(out("never printed\n")));
        return JSON.writeValueAsString(JSON.createObjectNode().set("hosts", hosts));
    }

    private static ObjectNode steps(ObjectNode... steps) {
        ObjectNode host = JSON.createObjectNode();
        ArrayNode list = host.putArray("steps");
        for (ObjectNode step : steps) {
            list.add(step);
        }
        return host;
    }

    private static ObjectNode out(String text) {
        return JSON.createObjectNode().put("stdout", text);
    }

    private static ObjectNode err(String text) {
        return JSON.createObjectNode().put("stderr", text);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static HostResult host(int index) {
        return result.hosts().get(index);
    }

    private static Path transcript(int index) {
        return dir.resolve(TranscriptFileNames.relativePath(host(index).target()));
    }

    @Test
    void everyHostEndsWithTheExpectedStatus() {
        assertThat(result.hosts()).extracting(HostResult::status).as(result.hosts().toString()).containsExactly(
                HostStatus.SUCCEEDED, HostStatus.FAILED, HostStatus.UNREACHABLE, HostStatus.AUTH_FAILED,
                HostStatus.TIMED_OUT, HostStatus.SUCCEEDED, HostStatus.SUCCEEDED, HostStatus.SUCCEEDED,
                HostStatus.SUCCEEDED, HostStatus.CANCELLED, HostStatus.SKIPPED);
        assertThat(host(HUGE).stdoutTruncated()).isTrue();
        assertThat(host(TIMEOUT).attempts()).hasSize(1);
        assertThat(host(TIMEOUT).attempts().get(0).failure()).isEqualTo("COMMAND_TIMEOUT");
        assertThat(console.toString()).doesNotContain("report: cannot write");
    }

    @Test
    void resultsJsonValidatesAgainstItsSchemaAndMatchesTheRun() throws Exception {
        assertThat(ReportChecks.schemaErrors(dir.resolve("results.json"))).isEmpty();
        ResultsDocument document = ResultsJsonReader.read(dir.resolve("results.json"));
        assertThat(document.hosts()).hasSize(HOSTS);
        for (int i = 0; i < HOSTS; i++) {
            ResultsHost written = document.hosts().get(i);
            assertThat(written.target()).isEqualTo(host(i).target().display());
            assertThat(written.status()).isEqualTo(host(i).status().name());
            assertThat(written.exitCode()).isEqualTo(host(i).exitCode());
            assertThat(written.attempts()).hasSize(host(i).attempts().size());
            assertThat(dir.resolve(written.transcript())).isRegularFile();
        }
        assertThat(document.hosts().get(REFUSED).attempts()).hasSize(2);
        assertThat(document.hosts().get(REFUSED).attempts().get(0).failure()).isEqualTo("CONNECTION_REFUSED");
        assertThat(document.hosts().get(HUGE).stdout().truncated()).isTrue();
        assertThat(document.hosts().get(JAPANESE).stdout().text()).isEqualTo("こんにちは世界\n日本語の出力です\n");
        assertThat(document.hosts().get(SECRETS).stdout().text()).contains("plain: ****\n", "split: **** end\n");
        assertThat(document.run().counts()).containsEntry("total", HOSTS).containsEntry("SUCCEEDED", 5)
                .containsEntry("CANCELLED", 1).containsEntry("SKIPPED", 1);
        assertThat(document.run().options()).containsEntry("command", "deploy.cmd /quiet").containsEntry("commandTimeout", "PT8S");
    }

    @Test
    void rerunFailedSelectsExactlyTheHostsThatDidNotSucceed() {
        List<Target> expected = result.hosts().stream().filter(h -> h.status() != HostStatus.SUCCEEDED)
                .map(HostResult::target).toList();
        assertThat(ResultsJsonReader.targetsToRerun(dir.resolve("results.json"))).containsExactlyElementsOf(expected)
                .hasSize(6);
    }

    @Test
    void resultsCsvParsesBackWithOneRowPerHost() throws Exception {
        assertThat(Files.readAllBytes(dir.resolve("results.csv"))).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = ReportChecks.readCsv(dir.resolve("results.csv"));
        assertThat(rows).hasSize(HOSTS);
        for (int i = 0; i < HOSTS; i++) {
            assertThat(rows.get(i).get("ComputerName")).isEqualTo(host(i).target().display());
            assertThat(rows.get(i).get("Status")).isEqualTo(host(i).status().name());
            assertThat(rows.get(i).get("Attempts")).isEqualTo(String.valueOf(host(i).attempts().size()));
        }
        assertThat(rows.get(NONZERO).get("ExitCode")).isEqualTo("3");
    }

    @Test
    void junitXmlValidatesAndParsesLikeJenkins() throws Exception {
        ReportChecks.validateJUnitXml(dir.resolve("junit.xml"));
        List<ReportChecks.JenkinsSuite> suites = ReportChecks.parseLikeJenkins(dir.resolve("junit.xml"));
        assertThat(suites).hasSize(1);
        List<ReportChecks.JenkinsCase> cases = suites.get(0).cases();
        assertThat(cases).hasSize(HOSTS);
        assertThat(cases.get(OK).errorElement()).isNull();
        assertThat(cases.get(NONZERO).errorElement()).isEqualTo("failure");
        assertThat(cases.get(REFUSED).errorElement()).isEqualTo("error");
        assertThat(cases.get(AUTH).errorElement()).isEqualTo("error");
        assertThat(cases.get(TIMEOUT).errorElement()).isEqualTo("error");
        assertThat(cases.get(CANCELLED).skipped()).isTrue();
        assertThat(cases.get(NEVER_STARTED).skipped()).isTrue();
        assertThat(cases.get(JAPANESE).stdout()).contains("こんにちは世界");
        assertThat(cases.get(HUGE).stdout()).contains("[output truncated; full output: hosts/");
        // C0 controls go; DEL (U+007F) is legal XML 1.0 and stays
        assertThat(cases.get(XML_ILLEGAL).stdout()).isEqualTo("nul[\u007F] ]]> <&> \"quotes\" 'apos'\n");
    }

    @Test
    void transcriptsAreCompleteIncludingOutputBeyondTheInMemoryBound() throws Exception {
        for (int i = 0; i < HOSTS; i++) {
            List<String> lines = Files.readAllLines(transcript(i));
            assertThat(lines.get(lines.size() - 1)).contains("=== result: " + host(i).status().name());
        }
        long xs = Files.readAllLines(transcript(HUGE)).stream().filter(l -> l.contains(" [stdout] "))
                .mapToLong(l -> l.substring(l.indexOf(" [stdout] ") + 10).chars().filter(c -> c == 'x').count()).sum();
        assertThat(xs).isEqualTo(HUGE_BYTES);
        assertThat(Files.readString(transcript(JAPANESE))).contains("[stdout] こんにちは世界", "[stdout] 日本語の出力です");
        assertThat(Files.readString(transcript(SECRETS))).contains("[stdout] split: **** end", "[stderr] stderr: ****");
        // the halves of the split line came in different Receive answers (the simulator answers
        // as soon as output is there, and 200 ms of silence separate them)
        assertThat(fleet.requestLog().entriesFor(fleet.host(SECRETS)))
                .filteredOn(e -> "Receive".equals(e.operation())).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Files.readAllLines(transcript(REFUSED))).filteredOn(l -> l.contains("=== attempt ") && l.endsWith("started"))
                .hasSize(2);
        assertThat(Files.readString(transcript(CANCELLED))).contains("[stdout] waiting for cancel", "result: CANCELLED");
        assertThat(Files.readString(transcript(NEVER_STARTED))).doesNotContain("[stdout]").contains("result: SKIPPED");
    }

    @Test
    void eventsAreWholeJsonLines() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("events.jsonl"));
        assertThat(lines).isNotEmpty();
        long finished = 0;
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            finished += event.get("event").asText().equals("host-finished") ? 1 : 0;
        }
        assertThat(finished).isEqualTo(HOSTS);
        assertThat(JSON.readTree(lines.get(lines.size() - 1)).get("event").asText()).isEqualTo("run-finished");
    }

    @Test
    void thePasswordIsInNoFileAndNotOnTheConsoleInAnyForm() throws Exception {
        ReportChecks.assertNoSecretIn(dir, PASSWORD);
        assertThat(console).contains("plain: ****", "split: **** end");
        ReportChecks.assertNoSecretIn(console.toString(), PASSWORD);
    }

    /** What a console would print: every line, attempt error and result message. */
    private static final class ConsoleCapture implements RunListener {
        @Override
        public void outputLine(Target target, int attempt, OutputStream stream, String line) {
            synchronized (console) {
                console.append('[').append(target).append("] ").append(line).append('\n');
            }
        }

        @Override
        public void attemptEnded(Target target, Attempt attempt, Duration nextDelay) {
            synchronized (console) {
                console.append('[').append(target).append("] attempt ").append(attempt.number()).append(' ')
                        .append(attempt.outcome()).append(' ').append(attempt.error()).append('\n');
            }
        }

        @Override
        public void hostFinished(HostResult r, int done, int total) {
            synchronized (console) {
                console.append('[').append(r.target()).append("] ").append(r.status()).append(' ').append(r.message())
                        .append('\n').append(r.stdout()).append(r.stderr()).append('\n');
            }
        }
    }

    private interface LineWatcher {
        void line(Target target, String line);
    }

    /** The report writer and the console, as the CLI would attach them. */
    private record Both(RunListener first, RunListener second, LineWatcher watcher) implements RunListener {
        @Override
        public void runStarted(int totalHosts) {
            first.runStarted(totalHosts);
            second.runStarted(totalHosts);
        }

        @Override
        public void attemptStarted(Target target, int attempt) {
            first.attemptStarted(target, attempt);
            second.attemptStarted(target, attempt);
        }

        @Override
        public void outputLine(Target target, int attempt, OutputStream stream, String line) {
            first.outputLine(target, attempt, stream, line);
            second.outputLine(target, attempt, stream, line);
            watcher.line(target, line);
        }

        @Override
        public void attemptEnded(Target target, Attempt attempt, Duration nextDelay) {
            first.attemptEnded(target, attempt, nextDelay);
            second.attemptEnded(target, attempt, nextDelay);
        }

        @Override
        public void hostFinished(HostResult r, int done, int total) {
            first.hostFinished(r, done, total);
            second.hostFinished(r, done, total);
        }

        @Override
        public void runFinished(RunResult r) {
            first.runFinished(r);
            second.runFinished(r);
        }
    }
}
