package io.winrminvoke.simulator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedHost;
import io.winrminvoke.simulator.SimulatorExtension;
import io.winrminvoke.simulator.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * pywinrm (Debian's python3-winrm, a WinRM client nobody here wrote) against the simulator: it
 * must open shells, run commands, read stdout/stderr/exit codes, wait through w:TimedOut faults
 * of a command silent for longer than its OperationTimeout, and clean up with Signal and Delete.
 * The script runs once; each test checks one behaviour of that session.
 */
class PywinrmAgainstSimulatorTest {

    private static final String USER = "pywinrm";
    private static final String PASSWORD = "s3cret-Pw";

    /**
     * pywinrm sends OperationTimeout PT2S; scaled by 0.05 the simulator times Receive out after
     * 0.1 s, while the silent step (40 s scaled: 2 s) outlasts it many times over, even when a
     * loaded machine delays pywinrm's next Receive. The read timeout is pywinrm's own HTTP
     * timeout in real seconds: generous, only a guard.
     */
    private static final int OPERATION_TIMEOUT_SEC = 2;
    private static final int READ_TIMEOUT_SEC = 30;

    /** UTF-8 Japanese followed by bytes that are no UTF-8 at all: they must arrive unchanged. */
    private static final byte[] RAW_BYTES = concat("日本語の出力 ✓\r\n".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0x81, (byte) 0x82, (byte) 0xFF, 0x00, 0x0A});

    private static final String BULK_PATTERN = "0123456789abcdef";
    private static final int BULK_BYTES = 400_000;

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.with(FleetConfig.builder()
            .hosts(4).user(USER).password(PASSWORD)
            .clockScale(0.05)
            .scenario(Scenario.fromJson("""
                    {"hosts": {
                      "1": {"exitCode": 3, "steps": [{"stdout": "before\\n"}, {"sleep": "PT40S"}, {"stdout": "after\\n"}]},
                      "2": {"steps": [{"stdoutBase64": "%s"}]},
                      "3": {"steps": [{"stdoutRepeat": "%s", "bytes": %d}]}
                    }}
                    """.formatted(Base64.getEncoder().encodeToString(RAW_BYTES), BULK_PATTERN, BULK_BYTES))));

    private static JsonNode session;

    @BeforeAll
    static void runPywinrmSession() throws Exception {
        SystemPython.requirePywinrm();
        ObjectMapper json = new ObjectMapper();
        ObjectNode input = json.createObjectNode()
                .put("default_endpoint", defaultHost().endpoint().toString())
                .put("silent_endpoint", silentHost().endpoint().toString())
                .put("bytes_endpoint", SIM.fleet().host(2).endpoint().toString())
                .put("bulk_endpoint", SIM.fleet().host(3).endpoint().toString())
                .put("user", USER)
                .put("password", PASSWORD)
                .put("operation_timeout_sec", OPERATION_TIMEOUT_SEC)
                .put("read_timeout_sec", READ_TIMEOUT_SEC);

        SystemPython.Outcome outcome = SystemPython.run(SystemPython.script("pywinrm_session.py"),
                json.writeValueAsString(input), Duration.ofSeconds(120));

        assertThat(outcome.exitStatus())
                .as("pywinrm session failed; its stderr:%n%s%nstdout:%n%s", outcome.stderr(), outcome.stdout())
                .isZero();
        session = json.readTree(outcome.stdout());
    }

    @Test
    void pywinrmReadsStdoutOfACommandWithArguments() {
        JsonNode command = session.at("/default/commands/0");

        assertThat(command.get("stdout").asText()).isEqualTo("pywinrm was here\n");
        assertThat(command.get("stderr").asText()).isEmpty();
        assertThat(command.get("exit_code").asInt()).isZero();
        assertThat(logOf(defaultHost())).filteredOn(e -> RequestLogEntry.COMMAND.equals(e.operation()))
                .extracting(RequestLogEntry::commandLine).first().isEqualTo("echo pywinrm was here");
    }

    @Test
    void pywinrmReadsStderrAndTheExitCode() {
        JsonNode command = session.at("/default/commands/1");

        assertThat(command.get("stdout").asText()).isEqualTo("out-line\n");
        assertThat(command.get("stderr").asText()).isEqualTo("err-line\n");
        assertThat(command.get("exit_code").asInt()).isEqualTo(7);
    }

    @Test
    void pywinrmRetriesReceiveThroughTimedOutFaultsOfASilentCommand() {
        JsonNode command = session.at("/silent/commands/0");
        List<RequestLogEntry> timedOut = logOf(silentHost()).stream()
                .filter(e -> RequestLogEntry.RECEIVE.equals(e.operation()) && "w:TimedOut".equals(e.fault()))
                .toList();

        assertThat(command.get("stdout").asText()).isEqualTo("before\nafter\n");
        assertThat(command.get("exit_code").asInt()).isEqualTo(3);
        assertThat(timedOut).as("Receives answered with the w:TimedOut fault").isNotEmpty()
                .allSatisfy(e -> assertThat(e.httpStatus()).isEqualTo(500));
    }

    @Test
    void pywinrmReceivesOutputBytesUnchanged() {
        JsonNode command = session.at("/bytes/commands/0");

        assertThat(Base64.getDecoder().decode(command.get("stdout_base64").asText())).isEqualTo(RAW_BYTES);
        assertThat(command.get("exit_code").asInt()).isZero();
    }

    @Test
    void pywinrmReceivesOutputLargerThanItsMaxEnvelopeSizeOverManyReceives() throws Exception {
        JsonNode command = session.at("/bulk/commands/0");
        byte[] expected = BULK_PATTERN.repeat(BULK_BYTES / BULK_PATTERN.length()).getBytes(StandardCharsets.US_ASCII);
        long receives = logOf(SIM.fleet().host(3)).stream()
                .filter(e -> RequestLogEntry.RECEIVE.equals(e.operation())).count();

        assertThat(command.get("stdout_length").asInt()).isEqualTo(BULK_BYTES);
        assertThat(command.get("stdout_sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)));
        // pywinrm asks for envelopes of at most 153600 bytes; 400 kB as base64 cannot fit in fewer than 4
        assertThat(receives).isGreaterThanOrEqualTo(4);
    }

    @Test
    void pywinrmSignalsEveryCommandBeforeDeletingItsShell() {
        for (SimulatedHost host : SIM.fleet().hosts()) {
            List<RequestLogEntry> log = logOf(host);
            List<String> commandIds = log.stream().filter(e -> RequestLogEntry.COMMAND.equals(e.operation()))
                    .map(RequestLogEntry::commandId).toList();
            int delete = indexOf(log, RequestLogEntry.DELETE, null);

            assertThat(commandIds).as("commands on %s", host.name()).isNotEmpty();
            assertThat(delete).as("Delete on %s", host.name()).isNotNegative();
            assertThat(log.get(delete).httpStatus()).isEqualTo(200);
            for (String commandId : commandIds) {
                int signal = indexOf(log, RequestLogEntry.SIGNAL, commandId);
                assertThat(signal).as("Signal of command %s on %s", commandId, host.name()).isNotNegative()
                        .isLessThan(delete);
                assertThat(log.get(signal).signalCode())
                        .isEqualTo("http://schemas.microsoft.com/wbem/wsman/1/windows/shell/signal/terminate");
                assertThat(log.get(signal).httpStatus()).isEqualTo(200);
            }
        }
        assertThat(logOf(silentHost()).subList(indexOf(logOf(silentHost()), RequestLogEntry.DELETE, null),
                logOf(silentHost()).size())).extracting(RequestLogEntry::operation)
                .as("requests after the Delete").doesNotContain(RequestLogEntry.RECEIVE);
    }

    @Test
    void pywinrmSeesInvalidSelectorsForACommandOfADeletedShell() {
        JsonNode error = session.at("/default/receive_after_close");
        List<RequestLogEntry> log = logOf(defaultHost());
        List<RequestLogEntry> afterDelete = log.subList(indexOf(log, RequestLogEntry.DELETE, null) + 1, log.size());

        assertThat(error.get("type").asText()).isEqualTo("WinRMError");
        assertThat(error.get("message").asText()).contains("'wsmanfault_code': '2150858843'")
                .contains("'fault_subcode': 'w:InvalidSelectors'").contains("'http_status_code': 500");
        assertThat(afterDelete).filteredOn(e -> RequestLogEntry.RECEIVE.equals(e.operation()))
                .extracting(RequestLogEntry::fault).containsExactly("w:InvalidSelectors");
    }

    @Test
    void pywinrmReportsAWrongPasswordAsRejectedCredentials() {
        JsonNode error = session.at("/wrong_password");

        assertThat(error.get("type").asText()).isEqualTo("InvalidCredentialsError");
    }

    private static SimulatedHost defaultHost() {
        return SIM.fleet().host(0);
    }

    private static SimulatedHost silentHost() {
        return SIM.fleet().host(1);
    }

    private static List<RequestLogEntry> logOf(SimulatedHost host) {
        return SIM.fleet().requestLog().entriesFor(host);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** Index of the first entry of that operation (and command, when given), or -1. */
    private static int indexOf(List<RequestLogEntry> log, String operation, String commandId) {
        for (int i = 0; i < log.size(); i++) {
            RequestLogEntry entry = log.get(i);
            if (operation.equals(entry.operation()) && (commandId == null || commandId.equals(entry.commandId()))) {
                return i;
            }
        }
        return -1;
    }
}
