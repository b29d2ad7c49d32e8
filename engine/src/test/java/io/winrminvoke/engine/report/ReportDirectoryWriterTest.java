package io.winrminvoke.engine.report;

import static io.winrminvoke.engine.report.ScriptedRun.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.run.OutputStream;
import io.winrminvoke.engine.targets.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDirectoryWriterTest {

    private static final String PASSWORD = "Tr0ub4dor&3<\"パス\">";
    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final List<String> reported = new CopyOnWriteArrayList<>();

    private static ScriptedRun mixedRun() {
        String b64 = Base64.getEncoder().encodeToString(("pw=" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return new ScriptedRun(T0)
                .add(host(new Target("web01.example.com", 0), T0)
                        .out("hello", "world").attempt(HostStatus.SUCCEEDED, 0, null, null)
                        .finish(HostStatus.SUCCEEDED, 0, null))
                .add(host(new Target("web02", 5986), T0)
                        .out("starting").err("oops: disk full").attempt(HostStatus.FAILED, 3, null, null)
                        .finish(HostStatus.FAILED, 3, "exit code 3"))
                .add(host(new Target("::1", 5986), T0)
                        .attempt(HostStatus.UNREACHABLE, null, "connection refused", "CONNECTION_REFUSED")
                        .attempt(HostStatus.UNREACHABLE, null, "connection refused", "CONNECTION_REFUSED")
                        .attempt(HostStatus.UNREACHABLE, null, "connection refused", "CONNECTION_REFUSED")
                        .finish(HostStatus.UNREACHABLE, null, "connection refused after 3 attempts"))
                .add(host(new Target("auth.example.com", 0), T0)
                        .attempt(HostStatus.AUTH_FAILED, null, "HTTP 401 for user admin", "AUTH_FAILED")
                        .finish(HostStatus.AUTH_FAILED, null, "=HYPERLINK(\"http://evil\") 401 Unauthorized"))
                .add(host(new Target("slow", 0), T0)
                        .out("working...").attempt(HostStatus.TIMED_OUT, null, "command timeout 5s", "COMMAND_TIMEOUT")
                        .finish(HostStatus.TIMED_OUT, null, "command did not finish within 5s"))
                .add(host(new Target("faulty", 0), T0)
                        .attempt(HostStatus.ERROR, null, "QuotaLimit fault, password was " + PASSWORD, "QUOTA_EXCEEDED")
                        .finish(HostStatus.ERROR, null, "WS-Management fault: QuotaLimit"))
                .add(host(new Target("cancelled", 0), T0)
                        .out("half done").attempt(HostStatus.CANCELLED, null, "cancelled", "CANCELLED")
                        .finish(HostStatus.CANCELLED, null, "run cancelled"))
                .add(host(new Target("never", 0), T0).finish(HostStatus.SKIPPED, null, "not started: run cancelled"))
                .add(host(new Target("jp", 0), T0)
                        .out("こんにちは世界", "日本語の出力").attempt(HostStatus.SUCCEEDED, 0, null, null)
                        .finish(HostStatus.SUCCEEDED, 0, null))
                .add(host(new Target("ctrl", 0), T0)
                        .out("nul\u0000 esc\u001B[31mred\u001B[0m bell\u0007 lone\uD800 fffe\uFFFE ]]> <tag> & done")
                        .attempt(HostStatus.SUCCEEDED, 0, null, null)
                        .finish(HostStatus.SUCCEEDED, 0, null))
                .add(host(new Target("leaky", 0), T0)
                        // output lines come masked from the runner (RunListener's contract), as here
                        .out(RUNNERS_MASKER.mask("plain " + PASSWORD), RUNNERS_MASKER.mask("base64 " + b64))
                        .err(RUNNERS_MASKER.mask("url " + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
                        .attempt(HostStatus.SUCCEEDED, 0, null, null)
                        .finish(HostStatus.SUCCEEDED, 0, null));
    }

    @Test
    void onlyANewOrEmptyDirectoryIsMarkedForRetention() throws Exception {
        Path fresh = tmp.resolve("fresh");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path users = Files.createDirectories(tmp.resolve("deploy-scripts"));
        Files.writeString(users.resolve("deploy.ps1"), "Write-Output hi");

        writer(fresh, false);
        writer(empty, false);
        writer(users, false);

        assertThat(fresh.resolve(ReportDirectoryMarker.FILE_NAME)).isRegularFile();
        assertThat(empty.resolve(ReportDirectoryMarker.FILE_NAME)).isRegularFile();
        // a folder of the user's, given as the report directory, is never one retention may delete
        assertThat(users.resolve(ReportDirectoryMarker.FILE_NAME)).doesNotExist();
    }

    private ReportContext context(Path dir, boolean bom) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("command", "deploy.cmd --verbose");
        options.put("user", "admin");
        options.put("throttle", 32);
        options.put("https", false);
        options.put("operationTimeout", Duration.ofSeconds(20));
        options.put("retry", Map.of("maxAttempts", 3));
        options.put("leakedByMistake", "pw:" + PASSWORD);
        return new ReportContext(dir, "nightly.deploy", "0.1.0-test", options, SecretMasker.of(PASSWORD), bom);
    }

    private static final SecretMasker RUNNERS_MASKER = SecretMasker.of(PASSWORD);

    private ReportDirectoryWriter writer(Path dir, boolean bom) {
        return new ReportDirectoryWriter(context(dir, bom), reported::add, Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC));
    }

    /** Not a test: writes the sample report shown in docs/reports.md ({@code -Dreport.sample.dir=DIR}). */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "report.sample.dir", matches = ".+")
    void writeSampleReport() {
        Path dir = Path.of(System.getProperty("report.sample.dir"));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("command", "C:\\deploy\\install.cmd /quiet");
        options.put("user", "CORP\\deploy");
        options.put("https", true);
        options.put("throttle", 32);
        options.put("commandTimeout", Duration.ofMinutes(10));
        options.put("retries", 1);
        Instant t0 = Instant.parse("2026-11-25T18:00:00.120Z");
        ScriptedRun run = new ScriptedRun(t0)
                .add(host(new Target("web01.corp.example.com", 0), t0.plusMillis(15))
                        .out("Installing package 2.4.1", "Done.").attempt(HostStatus.SUCCEEDED, 0, null, null)
                        .finish(HostStatus.SUCCEEDED, 0, "exit code 0"))
                .add(host(new Target("web02.corp.example.com", 5986), t0.plusMillis(17))
                        .out("Installing package 2.4.1").err("ERROR: disk C: is full").attempt(HostStatus.FAILED, 3, null, null)
                        .finish(HostStatus.FAILED, 3, "exit code 3"))
                .add(host(new Target("fe80::7", 5986), t0.plusMillis(18))
                        .attempt(HostStatus.UNREACHABLE, null, "CONNECTION_REFUSED: connection refused ([fe80::7]:5986)", "CONNECTION_REFUSED")
                        .attempt(HostStatus.UNREACHABLE, null, "CONNECTION_REFUSED: connection refused ([fe80::7]:5986)", "CONNECTION_REFUSED")
                        .finish(HostStatus.UNREACHABLE, null, "CONNECTION_REFUSED: connection refused ([fe80::7]:5986) (attempt 2)"))
                .add(host(new Target("db01.corp.example.com", 0), t0).finish(HostStatus.SKIPPED, null, "not started: run cancelled"));
        run.play(new ReportDirectoryWriter(new ReportContext(dir, "nightly-deploy", "0.1.0", options,
                SecretMasker.of(PASSWORD), false), reported::add, new TickingClock(t0, Duration.ofMillis(250))));
    }

    @Test
    void writesEveryFileOfTheReportDirectory() throws Exception {
        Path dir = tmp.resolve("report");
        mixedRun().play(writer(dir, false));

        assertThat(dir.resolve("results.json")).isRegularFile();
        assertThat(dir.resolve("results.csv")).isRegularFile();
        assertThat(dir.resolve("junit.xml")).isRegularFile();
        assertThat(dir.resolve("events.jsonl")).isRegularFile();
        assertThat(dir.resolve(ReportDirectoryMarker.FILE_NAME)).isRegularFile();
        try (var files = Files.list(dir.resolve("hosts"))) {
            assertThat(files.count()).isEqualTo(11);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(reported).isEmpty();
    }

    @Test
    void resultsJsonMatchesItsSchemaAndCarriesEveryHost() throws Exception {
        Path dir = tmp.resolve("report");
        mixedRun().play(writer(dir, false));
        Path json = dir.resolve("results.json");

        assertThat(ReportChecks.schemaErrors(json)).isEmpty();
        JsonNode root = JSON.readTree(json.toFile());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.at("/tool/name").asText()).isEqualTo("winrm-invoke");
        assertThat(root.at("/tool/version").asText()).isEqualTo("0.1.0-test");
        assertThat(root.at("/run/name").asText()).isEqualTo("nightly.deploy");
        assertThat(root.at("/run/counts/total").asInt()).isEqualTo(11);
        assertThat(root.at("/run/counts/SUCCEEDED").asInt()).isEqualTo(4);
        assertThat(root.at("/run/counts/SKIPPED").asInt()).isEqualTo(1);
        assertThat(root.at("/run/options/operationTimeout").asText()).isEqualTo("PT20S");
        assertThat(root.at("/run/options/command").asText()).isEqualTo("deploy.cmd --verbose");
        assertThat(root.at("/run/options/leakedByMistake").asText()).isEqualTo("pw:****");

        JsonNode hosts = root.get("hosts");
        assertThat(hosts).hasSize(11);
        JsonNode web02 = hosts.get(1);
        assertThat(web02.get("target").asText()).isEqualTo("web02:5986");
        assertThat(web02.get("port").asInt()).isEqualTo(5986);
        assertThat(web02.get("status").asText()).isEqualTo("FAILED");
        assertThat(web02.get("exitCode").asInt()).isEqualTo(3);
        assertThat(web02.at("/stderr/text").asText()).isEqualTo("oops: disk full\n");
        assertThat(web02.at("/stdout/truncated").asBoolean()).isFalse();
        assertThat(web02.get("transcript").asText()).isEqualTo("hosts/web02_5986~" + hashOf("web02:5986") + ".log");
        JsonNode v6 = hosts.get(2);
        assertThat(v6.get("target").asText()).isEqualTo("[::1]:5986");
        assertThat(v6.get("host").asText()).isEqualTo("::1");
        assertThat(v6.get("attempts")).hasSize(3);
        assertThat(v6.at("/attempts/0/failure").asText()).isEqualTo("CONNECTION_REFUSED");
        assertThat(v6.at("/attempts/0/retried").asBoolean()).isTrue();
        assertThat(v6.at("/attempts/2/retried").asBoolean()).isFalse();
        assertThat(v6.at("/attempts/0/durationMs").asLong()).isEqualTo(1001);
        assertThat(hosts.get(0).get("port").isNull()).isTrue();
        assertThat(hosts.get(7).get("started").isNull()).isTrue();
        assertThat(hosts.get(8).at("/stdout/text").asText()).isEqualTo("こんにちは世界\n日本語の出力\n");
        for (JsonNode host : hosts) {
            assertThat(dir.resolve(host.get("transcript").asText())).isRegularFile();
        }
    }

    @Test
    void resultsCsvHasOneRfc4180RowPerHost() throws Exception {
        Path dir = tmp.resolve("report");
        mixedRun().play(writer(dir, false));
        byte[] bytes = Files.readAllBytes(dir.resolve("results.csv"));
        assertThat(bytes[0]).as("no BOM unless asked").isEqualTo((byte) 'T');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\r\n");

        List<CSVRecord> rows = ReportChecks.readCsv(dir.resolve("results.csv"));
        assertThat(rows).hasSize(11);
        CSVRecord web02 = rows.get(1);
        assertThat(web02.get("ComputerName")).isEqualTo("web02:5986");
        assertThat(web02.get("Status")).isEqualTo("FAILED");
        assertThat(web02.get("ExitCode")).isEqualTo("3");
        assertThat(web02.get("DurationMs")).isEqualTo("1001");
        assertThat(web02.get("Attempts")).isEqualTo("1");
        assertThat(web02.get("Message")).isEqualTo("exit code 3");
        assertThat(Instant.parse(web02.get("Timestamp"))).isEqualTo(T0.plusMillis(1001));
        assertThat(rows.get(2).get("ComputerName")).isEqualTo("[::1]:5986");
        assertThat(rows.get(2).get("Attempts")).isEqualTo("3");
        assertThat(rows.get(2).get("ExitCode")).isEmpty();
        // a message that a spreadsheet would run as a formula is neutralized; quotes survive the round trip
        assertThat(rows.get(3).get("Message")).isEqualTo("'=HYPERLINK(\"http://evil\") 401 Unauthorized");
        assertThat(rows.get(7).get("Status")).isEqualTo("SKIPPED");
    }

    @Test
    void resultsCsvStartsWithAByteOrderMarkWhenAsked() throws Exception {
        Path dir = tmp.resolve("report");
        mixedRun().play(writer(dir, true));
        byte[] bytes = Files.readAllBytes(dir.resolve("results.csv"));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF, 'T');
        assertThat(ReportChecks.readCsv(dir.resolve("results.csv"))).hasSize(11);
    }

    @Test
    void junitXmlValidatesAndParsesAsJenkinsReadsIt() throws Exception {
        Path dir = tmp.resolve("report");
        mixedRun().play(writer(dir, false));
        Path xml = dir.resolve("junit.xml");

        ReportChecks.validateJUnitXml(xml);
        List<ReportChecks.JenkinsSuite> suites = ReportChecks.parseLikeJenkins(xml);
        assertThat(suites).hasSize(1);
        ReportChecks.JenkinsSuite suite = suites.get(0);
        assertThat(suite.name()).isEqualTo("winrm-invoke.nightly_deploy");
        assertThat(suite.timestamp()).isEqualTo("2026-11-25T18:00:00");
        assertThat(suite.cases()).hasSize(11);
        assertThat(suite.cases()).allSatisfy(c -> assertThat(c.className()).isEqualTo("winrm-invoke.nightly_deploy"));
        assertThat(suite.cases()).extracting(ReportChecks.JenkinsCase::name).containsExactly(
                "web01.example.com", "web02:5986", "[::1]:5986", "auth.example.com", "slow", "faulty",
                "cancelled", "never", "jp", "ctrl", "leaky");

        var web01 = suite.cases().get(0);
        assertThat(web01.errorElement()).isNull();
        assertThat(web01.skipped()).isFalse();
        assertThat(web01.stdout()).isEqualTo("hello\nworld\n");
        assertThat(web01.duration()).isEqualTo(1.001f);
        var web02 = suite.cases().get(1);
        assertThat(web02.errorElement()).isEqualTo("failure");
        assertThat(web02.errorMessage()).isEqualTo("exit code 3");
        assertThat(web02.stderr()).isEqualTo("oops: disk full\n");
        assertThat(suite.cases().get(2).errorElement()).isEqualTo("error");
        assertThat(suite.cases().get(2).errorDetails()).contains("attempt 3: UNREACHABLE, CONNECTION_REFUSED");
        assertThat(suite.cases().get(3).errorElement()).isEqualTo("error");
        assertThat(suite.cases().get(4).errorElement()).isEqualTo("error");
        assertThat(suite.cases().get(5).errorElement()).isEqualTo("error");
        assertThat(suite.cases().get(6).skipped()).isTrue();
        assertThat(suite.cases().get(7).skipped()).isTrue();
        assertThat(suite.cases().get(7).skippedMessage()).isEqualTo("not started: run cancelled");
        assertThat(suite.cases().get(8).stdout()).contains("こんにちは世界");
        // XML-illegal characters are gone, the rest (escaped on the way) is intact
        assertThat(suite.cases().get(9).stdout())
                .isEqualTo("nul esc[31mred[0m bell lone fffe ]]> <tag> & done\n");

        String raw = Files.readString(xml);
        assertThat(raw).contains("tests=\"11\"", "failures=\"1\"", "errors=\"4\"", "skipped=\"2\"");
    }

    @Test
    void junitOutputIsBoundedHeadAndTail() {
        String text = "H".repeat(40_000) + "M".repeat(100_000) + "T".repeat(40_000);
        String bounded = JUnitReportWriter.bounded(text, JUnitReportWriter.OUTPUT_LIMIT, "hosts/x.log");
        assertThat(bounded.length()).isLessThan(JUnitReportWriter.OUTPUT_LIMIT + 200);
        assertThat(bounded).startsWith("H".repeat(32 * 1024)).endsWith("T".repeat(32 * 1024))
                .contains("characters omitted; full output: hosts/x.log");
    }

    @Test
    void eventsAreOneJsonObjectPerLineInOrder() throws Exception {
        Path dir = tmp.resolve("report");
        mixedRun().play(writer(dir, false));
        List<String> lines = Files.readAllLines(dir.resolve("events.jsonl"));
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            events.add(JSON.readTree(line));
        }
        assertThat(events).allSatisfy(e -> assertThat(e.fieldNames()).toIterable()
                .containsExactly("timestamp", "level", "host", "attempt", "event", "message", "data"));
        assertThat(events.get(0).get("event").asText()).isEqualTo("run-started");
        assertThat(events.get(0).at("/data/totalHosts").asInt()).isEqualTo(11);
        assertThat(events.get(events.size() - 1).get("event").asText()).isEqualTo("run-finished");
        assertThat(events.get(events.size() - 1).at("/data/counts/FAILED").asInt()).isEqualTo(1);
        assertThat(events).filteredOn(e -> e.get("event").asText().equals("host-finished")).hasSize(11);
        JsonNode unreachable = events.stream()
                .filter(e -> e.get("event").asText().equals("host-finished") && e.get("host").asText().equals("[::1]:5986"))
                .findFirst().orElseThrow();
        assertThat(unreachable.get("level").asText()).isEqualTo("ERROR");
        assertThat(unreachable.at("/data/attempts").asInt()).isEqualTo(3);
        JsonNode retry = events.stream()
                .filter(e -> e.get("event").asText().equals("attempt-ended") && e.get("host").asText().equals("[::1]:5986"))
                .findFirst().orElseThrow();
        assertThat(retry.get("attempt").asInt()).isEqualTo(1);
        assertThat(retry.get("level").asText()).isEqualTo("WARN");
        assertThat(retry.at("/data/nextDelayMs").asLong()).isEqualTo(1000);
    }

    @Test
    void eventsAreOnDiskBeforeTheRunEnds() throws Exception {
        Path dir = tmp.resolve("report");
        ReportDirectoryWriter writer = writer(dir, false);
        writer.runStarted(2);
        writer.attemptStarted(new Target("web01", 0), 1);
        // nothing closed or finished: once the report thread has caught up, a killed run leaves these lines
        writer.awaitQueuedWrites();
        assertThat(Files.readAllLines(dir.resolve("events.jsonl"))).hasSize(2);
        writer.outputLine(new Target("web01", 0), 1, OutputStream.STDOUT, "first line");
        writer.close();
        assertThat(Files.readString(dir.resolve("hosts/web01.log"))).contains("[stdout] first line");
    }

    @Test
    void transcriptsHoldEveryAttemptAndLineWithMarkers() throws Exception {
        Path dir = tmp.resolve("report");
        mixedRun().play(writer(dir, false));

        List<String> v6 = Files.readAllLines(dir.resolve("hosts/" + TranscriptFileNames.fileName(new Target("::1", 5986))));
        assertThat(v6.get(0)).isEqualTo("# winrm-invoke transcript of [::1]:5986, run nightly.deploy");
        assertThat(v6).filteredOn(l -> l.contains("=== attempt ") && l.endsWith(" started")).hasSize(3);
        assertThat(v6).anyMatch(l -> l.contains("=== attempt 1 ended: UNREACHABLE, CONNECTION_REFUSED: connection refused")
                && l.endsWith("; next attempt in 1.000 s"));
        assertThat(v6.get(v6.size() - 1)).contains("=== result: UNREACHABLE, 3 attempt(s)");

        List<String> web02 = Files.readAllLines(dir.resolve("hosts/" + TranscriptFileNames.fileName(new Target("web02", 5986))));
        assertThat(web02).containsSubsequence(
                "2026-11-25T18:00:01Z === attempt 1 started",
                "2026-11-25T18:00:01Z [stdout] starting",
                "2026-11-25T18:00:01Z [stderr] oops: disk full",
                "2026-11-25T18:00:01Z === attempt 1 ended: FAILED, exit code 3, 1.001 s",
                "2026-11-25T18:00:01Z === result: FAILED, exit code 3, 1 attempt(s), 1.001 s: exit code 3");
        assertThat(Files.readString(dir.resolve("hosts/jp.log"))).contains("[stdout] こんにちは世界");
        assertThat(Files.readString(dir.resolve("hosts/never.log"))).contains("=== result: SKIPPED, 0 attempt(s)");
    }

    @Test
    void transcriptKeepsOutputBeyondTheInMemoryBound() throws Exception {
        Path dir = tmp.resolve("report");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            lines.add("line " + i + " " + "x".repeat(100));
        }
        ScriptedRun run = new ScriptedRun(T0).add(host(new Target("big", 0), T0)
                .out(lines.toArray(String[]::new)).keptStdout("line 0 ...").attempt(HostStatus.SUCCEEDED, 0, null, null)
                .finish(HostStatus.SUCCEEDED, 0, null));
        run.play(writer(dir, false));

        List<String> transcript = Files.readAllLines(dir.resolve("hosts/big.log"));
        assertThat(transcript).filteredOn(l -> l.contains(" [stdout] line ")).hasSize(5000);
        JsonNode host = JSON.readTree(dir.resolve("results.json").toFile()).at("/hosts/0");
        assertThat(host.at("/stdout/truncated").asBoolean()).isTrue();
        assertThat(ReportChecks.parseLikeJenkins(dir.resolve("junit.xml")).get(0).cases().get(0).stdout())
                .contains("[output truncated; full output: hosts/big.log]");
    }

    @Test
    void noFileContainsThePasswordInAnyForm() throws Exception {
        Path dir = tmp.resolve("report");
        mixedRun().play(writer(dir, false));
        ReportChecks.assertNoSecretIn(dir, PASSWORD);
        assertThat(Files.readString(dir.resolve("hosts/leaky.log"))).contains("[stdout] plain ****");
    }

    @Test
    void secretFormsCheckWouldCatchALeak() throws Exception {
        // guards the guard: the byte search finds each form when it is there
        Path dir = Files.createDirectories(tmp.resolve("leak"));
        for (var form : ReportChecks.secretForms(PASSWORD).entrySet()) {
            Files.write(dir.resolve("f"), form.getValue());
            assertThat(catchThrowableOf(dir)).as(form.getKey()).isNotNull();
        }
    }

    @Test
    void theSchemaChecksWouldCatchABrokenFile() throws Exception {
        Path dir = tmp.resolve("report");
        mixedRun().play(writer(dir, false));
        Path json = dir.resolve("results.json");
        Files.writeString(json, Files.readString(json).replace("\"status\" : \"FAILED\"", "\"status\" : \"BROKEN\""));
        assertThat(ReportChecks.schemaErrors(json)).isNotEmpty();
        Path xml = dir.resolve("junit.xml");
        Files.writeString(xml, Files.readString(xml).replace(" tests=\"11\"", ""));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportChecks.validateJUnitXml(xml))
                .hasMessageContaining("tests");
    }

    private static Throwable catchThrowableOf(Path dir) {
        try {
            ReportChecks.assertNoSecretIn(dir, PASSWORD);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    @Test
    void anUnwritableDirectoryIsReportedOnceAndTheRunGoesOn() throws Exception {
        Path notADirectory = Files.writeString(tmp.resolve("occupied"), "a file where the report should go");
        ReportDirectoryWriter writer = writer(notADirectory.resolve("report"), false);
        assertThatCode(() -> mixedRun().play(writer)).doesNotThrowAnyException();
        assertThat(writer.problems()).isNotEmpty();
        assertThat(reported).isEqualTo(writer.problems());
        // once per file, not once per call
        assertThat(reported).hasSizeLessThanOrEqualTo(6);
        assertThat(reported).allSatisfy(m -> assertThat(m).startsWith("report: cannot write ").contains("the run goes on"));
    }

    @Test
    void aFailingTranscriptDoesNotStopTheOtherFiles() throws Exception {
        Path dir = tmp.resolve("report");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("hosts"), "a file, so no transcript can be created");
        ReportDirectoryWriter writer = writer(dir, false);
        RunResult result = mixedRun().play(writer);
        assertThat(reported).hasSize(2).anyMatch(m -> m.contains("hosts/"));
        assertThat(ResultsJsonReader.read(dir.resolve("results.json")).hosts()).hasSize(result.hosts().size());
        assertThat(dir.resolve("junit.xml")).isRegularFile();
        assertThat(dir.resolve("results.csv")).isRegularFile();
    }

    @Test
    void aResultsFileThatCannotBeWrittenIsAnEventAndTheOtherFilesAreStillWritten() throws Exception {
        Path dir = tmp.resolve("report");
        // a non-empty directory where results.json should go: the final move fails
        Files.createDirectories(dir.resolve("results.json").resolve("occupied"));
        mixedRun().play(writer(dir, false));
        assertThat(reported).singleElement().asString().startsWith("report: cannot write results.json");
        assertThat(ReportChecks.readCsv(dir.resolve("results.csv"))).hasSize(11);
        ReportChecks.validateJUnitXml(dir.resolve("junit.xml"));
        List<String> events = Files.readAllLines(dir.resolve("events.jsonl"));
        JsonNode problem = JSON.readTree(events.get(events.size() - 2));
        assertThat(problem.get("event").asText()).isEqualTo("report-problem");
        assertThat(problem.get("level").asText()).isEqualTo("ERROR");
        assertThat(problem.at("/data/file").asText()).isEqualTo("results.json");
        assertThat(JSON.readTree(events.get(events.size() - 1)).at("/data/reportProblems").asInt()).isEqualTo(1);
    }

    @Test
    void concurrentHostsKeepTheirOwnTranscriptsAndEveryEventLineIsWhole() throws Exception {
        Path dir = tmp.resolve("report");
        ReportDirectoryWriter writer = new ReportDirectoryWriter(context(dir, false), reported::add);
        int hosts = 16;
        int linesPerHost = 2000;
        ScriptedRun run = new ScriptedRun(T0);
        for (int h = 0; h < hosts; h++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < linesPerHost; i++) {
                lines.add("host " + h + " line " + i);
            }
            run.add(host(new Target("h" + h, 0), T0).out(lines.toArray(String[]::new))
                    .attempt(HostStatus.SUCCEEDED, 0, null, null).finish(HostStatus.SUCCEEDED, 0, null));
        }
        writer.runStarted(hosts);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int[] done = {0};
            for (ScriptedRun.ScriptedHost host : run.hosts()) {
                futures.add(pool.submit(() -> {
                    ScriptedRun.playHost(writer, host);
                    int finished;
                    synchronized (done) {
                        finished = ++done[0];
                    }
                    writer.hostFinished(host.result(), finished, hosts);
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        writer.runFinished(run.result());

        assertThat(reported).isEmpty();
        for (int h = 0; h < hosts; h++) {
            List<String> output = Files.readAllLines(dir.resolve("hosts/h" + h + ".log")).stream()
                    .filter(l -> l.contains(" [stdout] ")).map(l -> l.substring(l.indexOf(" [stdout] ") + 10)).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < linesPerHost; i++) {
                expected.add("host " + h + " line " + i);
            }
            assertThat(output).isEqualTo(expected);
        }
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
            assertThat(JSON.readTree(line).get("event")).isNotNull();
        }
    }

    /** A clock for the docs sample: every reading is {@code step} later than the one before. */
    private static final class TickingClock extends Clock {
        private Instant now;
        private final Duration step;

        TickingClock(Instant start, Duration step) {
            this.now = start;
            this.step = step;
        }

        @Override
        public synchronized Instant instant() {
            Instant current = now;
            now = now.plus(step);
            return current;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static String hashOf(String display) {
        String name = TranscriptFileNames.baseName(display);
        return name.substring(name.indexOf('~') + 1);
    }
}
