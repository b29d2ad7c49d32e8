package io.winrminvoke.simulator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import io.winrminvoke.simulator.scenario.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pywinrm (Debian's python3-winrm with requests-ntlm and ntlm-auth: an NTLM client and an MS-WSMV
 * message-encryption implementation nobody here wrote) against a host configured as Windows
 * ships: Basic off, AllowUnencrypted off. It must log on with NTLMv2, seal every request, and
 * read sealed answers, bodies over 16 KiB included; the wire capture must hold no command, output
 * or password in clear. The script runs once; each test checks one behaviour of that session.
 */
class PywinrmNtlmEncryptionTest {
    private static final String USER = "admin";
    private static final String PASSWORD = "Ntlm-s3cret!";
    private static final int LARGE_OUTPUT = 40_000;
    private static final String LARGE_STDIN = "0123456789abcdefghijklmnopqrstuv".repeat(700); // 22400 bytes

    @TempDir
    static Path dir;
    private static SimulatedFleet fleet;
    private static Path wire;
    private static JsonNode session;

    @BeforeAll
    static void runPywinrmSession() throws Exception {
        SystemPython.requirePywinrm();
        wire = dir.resolve("wire.log");
        fleet = SimulatedFleet.start(FleetConfig.builder().hosts(2).user(USER).password(PASSWORD)
                .windowsDefaults().wireLog(wire)
                // host 1 is the control: Basic over plain HTTP, to show the capture does show clear text
                .scenario(Scenario.fromJson("{\"hosts\": {\"1\": {\"basic\": true, \"allowUnencrypted\": true}}}"))
                .build());
        ObjectMapper json = new ObjectMapper();
        ObjectNode input = json.createObjectNode()
                .put("endpoint", host().endpoint().toString())
                .put("user", USER)
                .put("password", PASSWORD)
                .put("large_output_command", "head -c " + LARGE_OUTPUT + " /dev/zero | tr '\\0' x")
                .put("large_stdin", LARGE_STDIN)
                .put("operation_timeout_sec", 20)
                .put("read_timeout_sec", 30);
        input.putArray("other_user_forms").add("HOST-000\\" + USER).add(".\\" + USER).add(USER.toUpperCase());

        SystemPython.Outcome outcome = SystemPython.run(SystemPython.script("pywinrm_ntlm_encrypted.py"),
                json.writeValueAsString(input), Duration.ofSeconds(120), SystemPython.md4Enabled());
        assertThat(outcome.exitStatus())
                .as("pywinrm session failed; its stderr:%n%s%nstdout:%n%s", outcome.stderr(), outcome.stdout())
                .isZero();
        session = json.readTree(outcome.stdout());
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void pywinrmLogsOnWithNtlmAndSealsEveryRequest() {
        List<RequestLogEntry> soap = log().stream().filter(e -> e.authFailure() == null && e.httpStatus() != 401
                && !RequestLogEntry.UNKNOWN.equals(e.operation())).toList();

        assertThat(session.get("encrypted").asBoolean()).isTrue();
        assertThat(session.at("/commands/0/stdout").asText()).isEqualTo("sealed-hello\n");
        assertThat(soap).extracting(RequestLogEntry::operation)
                .contains(RequestLogEntry.CREATE, RequestLogEntry.COMMAND, RequestLogEntry.RECEIVE, RequestLogEntry.SEND,
                        RequestLogEntry.SIGNAL, RequestLogEntry.DELETE);
        assertThat(soap).allSatisfy(e -> assertThat(e.sealed()).as("%s sealed", e.operation()).isTrue());
    }

    @Test
    void sealedAnswersCarryStderrAndTheExitCode() {
        JsonNode command = session.at("/commands/1");

        assertThat(command.get("stdout").asText()).isEqualTo("out-line\n");
        assertThat(command.get("stderr").asText()).isEqualTo("err-line\n");
        assertThat(command.get("exit_code").asInt()).isEqualTo(7);
    }

    @Test
    void answersLargerThan16KiBArriveSealedInOnePart() throws Exception {
        JsonNode command = session.at("/commands/2");

        assertThat(command.get("stdout_length").asInt()).isEqualTo(LARGE_OUTPUT);
        assertThat(command.get("stdout_sha256").asText()).isEqualTo(sha256("x".repeat(LARGE_OUTPUT)));
        assertThat(wireText()).doesNotContain("multipart/x-multi-encrypted");
    }

    @Test
    void requestsLargerThan16KiBAreUnsealed() throws Exception {
        JsonNode command = session.at("/commands/3");

        assertThat(command.get("stdout_sha256").asText()).isEqualTo(sha256(LARGE_STDIN));
        assertThat(command.get("exit_code").asInt()).isZero();
    }

    @Test
    void theAccountIsAcceptedInWindowsUserNameForms() {
        for (String form : List.of("HOST-000\\" + USER, ".\\" + USER, USER.toUpperCase())) {
            assertThat(session.at("/other_user_forms").get(form).get("stdout").asText()).as(form).isEqualTo("as-other\n");
        }
    }

    @Test
    void aClearSoapBodyAfterAnNtlmLogonIsRefusedWith500AndNoBody() {
        JsonNode error = session.at("/unencrypted");

        assertThat(error.get("type").asText()).as(error.toString()).isEqualTo("WinRMTransportError");
        // pywinrm 0.3.0 words it as users of Windows hosts report it (pywinrm #208)
        assertThat(error.get("message").asText()).isEqualTo("Bad HTTP response returned from server. Code 500");
        assertThat(log()).filteredOn(e -> e.httpStatus() == 500 && e.authFailure() != null)
                .extracting(RequestLogEntry::authFailure).containsExactly("unencrypted request refused (AllowUnencrypted=false)");
    }

    @Test
    void aWrongPasswordIsRejectedWith401() {
        assertThat(session.at("/wrong_password/type").asText()).isEqualTo("InvalidCredentialsError");
        assertThat(log()).filteredOn(e -> e.httpStatus() == 401).isNotEmpty();
    }

    @Test
    void theWireCaptureHoldsNoCommandOutputOrPasswordInClear() throws Exception {
        String marker = "CLEAR-TEXT-CONTROL-MARKER";
        HttpResponse<String> control = HttpClient.newHttpClient().send(HttpRequest.newBuilder(fleet.host(1).endpoint())
                .header("Authorization", "Basic " + b64(USER + ":" + PASSWORD))
                .header("Content-Type", "application/soap+xml;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("<s:Envelope>" + marker + "</s:Envelope>")).build(),
                HttpResponse.BodyHandlers.ofString());
        String capture = wireText();

        assertThat(control.statusCode()).isEqualTo(500); // not a valid envelope, but it crossed the wire in clear
        assertThat(capture).as("the control exchange is captured in clear").contains(marker);
        assertThat(capture).contains("multipart/encrypted;protocol=\"application/HTTP-SPNEGO-session-encrypted\"");
        for (String secret : List.of("echo sealed-hello", "sealed-hello", b64("sealed-hello\n"), "err-line",
                b64("err-line\n"), "head -c", LARGE_STDIN.substring(0, 32), PASSWORD, b64(PASSWORD),
                "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Command")) {
            assertThat(capture).as("the capture of host-000 in clear").doesNotContain(secret);
        }
    }

    private static SimulatedHost host() {
        return fleet.host(0);
    }

    private static List<RequestLogEntry> log() {
        return fleet.requestLog().entriesFor(host());
    }

    private static String wireText() throws Exception {
        // only host-000's exchanges: the control host's clear text is expected
        String all = Files.readString(wire, StandardCharsets.ISO_8859_1);
        StringBuilder ours = new StringBuilder();
        for (String exchange : all.split("(?=>>> host-)")) {
            if (exchange.startsWith(">>> host-000 ")) {
                ours.append(exchange);
            } else if (exchange.startsWith(">>> host-001 ") && exchange.contains("CLEAR-TEXT-CONTROL-MARKER")) {
                ours.append("CLEAR-TEXT-CONTROL-MARKER");
            }
        }
        return ours.toString();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
    }
}
