package io.winrminvoke.simulator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.kdc.TestKdc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * pywinrm with Kerberos and message encryption against a Windows-default host (no Basic, no
 * unencrypted HTTP) whose service key comes from a real MIT KDC ({@link TestKdc}).
 *
 * <p>Debian's pykerberos 1.1.14 lacks {@code authGSSWinRMEncryptMessage}, so requests-kerberos
 * 0.12 reports {@code winrm_encryption_available = False}. The script replaces it with the
 * smallest requests auth adapter on python3-gssapi (MIT's gss_wrap_iov does the crypto) that
 * pywinrm's own {@code Encryption} class drives; see pywinrm_kerberos_encrypted.py. The Kerberos
 * client and the crypto are MIT's, the framing pywinrm's: nothing of it is ours.
 */
class PywinrmKerberosEncryptionTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "Kerberos-Pw1";
    private static final int LARGE_OUTPUT = 30_000;

    @TempDir
    static Path dir;
    private static TestKdc kdc;
    private static SimulatedFleet fleet;

    @BeforeAll
    static void start() {
        SystemPython.requirePywinrm();
        kdc = TestKdc.start(dir.resolve("kdc"));
        kdc.addUser(USER, PASSWORD);
        kdc.addService("HTTP/localhost");
        fleet = SimulatedFleet.start(FleetConfig.builder().hosts(1).user(USER).password("not-used-by-kerberos")
                .windowsDefaults().ntlm(false).kerberosKeytab(kdc.serviceKeytab()).build());
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
        if (kdc != null) {
            kdc.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"spnego", "kerberos"})
    void pywinrmRunsCommandsWithKerberosAndMessageEncryption(String mech) throws Exception {
        fleet.requestLog().clear();
        ObjectMapper json = new ObjectMapper();
        ObjectNode input = json.createObjectNode()
                .put("endpoint", "http://localhost:" + fleet.host(0).port() + "/wsman")
                .put("principal", USER + "@" + kdc.realm())
                .put("password", PASSWORD)
                .put("mech", mech)
                .put("large_output_command", "head -c " + LARGE_OUTPUT + " /dev/zero | tr '\\0' k")
                .put("operation_timeout_sec", 20)
                .put("read_timeout_sec", 30);

        SystemPython.Outcome outcome = SystemPython.run(SystemPython.script("pywinrm_kerberos_encrypted.py"),
                json.writeValueAsString(input), Duration.ofSeconds(120),
                Map.of("KRB5_CONFIG", kdc.krb5Conf().toString(), "KRB5CCNAME", "MEMORY:pywinrm"));
        assertThat(outcome.exitStatus())
                .as("pywinrm session failed; its stderr:%n%s%nstdout:%n%s", outcome.stderr(), outcome.stdout())
                .isZero();
        JsonNode session = json.readTree(outcome.stdout());
        List<RequestLogEntry> soap = fleet.requestLog().entries().stream()
                .filter(e -> !RequestLogEntry.UNKNOWN.equals(e.operation())).toList();

        assertThat(session.get("encrypted").asBoolean()).isTrue();
        assertThat(session.at("/commands/0/stdout").asText()).isEqualTo("kerberos-sealed\n");
        assertThat(session.at("/commands/1/stderr").asText()).isEqualTo("err-line\n");
        assertThat(session.at("/commands/1/exit_code").asInt()).isEqualTo(5);
        assertThat(session.at("/commands/2/stdout_length").asInt()).isEqualTo(LARGE_OUTPUT);
        assertThat(session.at("/commands/2/stdout_sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest("k".repeat(LARGE_OUTPUT).getBytes(StandardCharsets.US_ASCII))));
        assertThat(soap).isNotEmpty().allSatisfy(e -> assertThat(e.sealed()).as(e.operation()).isTrue());
    }
}
