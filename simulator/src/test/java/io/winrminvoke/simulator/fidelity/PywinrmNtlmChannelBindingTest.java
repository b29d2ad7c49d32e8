package io.winrminvoke.simulator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatorExtension;
import io.winrminvoke.simulator.auth.cbt.CbtHardeningLevel;
import io.winrminvoke.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * pywinrm (requests-ntlm computes the tls-server-end-point binding from the certificate it was
 * shown) over HTTPS against hosts with CbtHardeningLevel strict and relaxed: with bindings NTLM
 * logs on everywhere, without them only where the level is relaxed.
 */
class PywinrmNtlmChannelBindingTest {
    private static final String USER = "admin";
    private static final String PASSWORD = "Cbt-s3cret";

    @TempDir
    static Path dir;
    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.with(FleetConfig.builder().hosts(2).user(USER).password(PASSWORD).https(true)
                    .windowsDefaults().cbtHardeningLevel(CbtHardeningLevel.STRICT)
                    .scenario(Scenario.fromJson("{\"hosts\": {\"1\": {\"cbtHardeningLevel\": \"relaxed\"}}}")));
    private static JsonNode result;

    @BeforeAll
    static void run() throws Exception {
        SystemPython.requirePywinrm();
        Path ca = Files.writeString(dir.resolve("ca.pem"), SIM.fleet().tls().caCertificatePem());
        ObjectMapper json = new ObjectMapper();
        ObjectNode input = json.createObjectNode().put("user", USER).put("password", PASSWORD).put("ca_file", ca.toString());
        ArrayNode cases = input.putArray("cases");
        cases.addObject().put("name", "strict-with-cbt").put("endpoint", SIM.fleet().host(0).endpoint().toString()).put("send_cbt", true);
        cases.addObject().put("name", "strict-without-cbt").put("endpoint", SIM.fleet().host(0).endpoint().toString()).put("send_cbt", false);
        cases.addObject().put("name", "relaxed-without-cbt").put("endpoint", SIM.fleet().host(1).endpoint().toString()).put("send_cbt", false);

        SystemPython.Outcome outcome = SystemPython.run(SystemPython.script("pywinrm_ntlm_https.py"),
                json.writeValueAsString(input), Duration.ofSeconds(120), SystemPython.md4Enabled());
        assertThat(outcome.exitStatus()).as("stderr:%n%s", outcome.stderr()).isZero();
        result = json.readTree(outcome.stdout());
    }

    @Test
    void ntlmWithChannelBindingsLogsOnToAStrictHostWithoutMessageEncryption() {
        assertThat(result.at("/strict-with-cbt/stdout").asText()).isEqualTo("cbt-ok\n");
        assertThat(result.at("/strict-with-cbt/encrypted").asBoolean()).isFalse();
    }

    @Test
    void ntlmWithoutChannelBindingsIsRefusedByAStrictHost() {
        assertThat(result.at("/strict-without-cbt/error").asText()).isEqualTo("InvalidCredentialsError");
        assertThat(SIM.fleet().requestLog().entriesFor(SIM.fleet().host(0))).extracting(e -> String.valueOf(e.authFailure()))
                .anyMatch(f -> f.contains("channel binding token missing or wrong"));
    }

    @Test
    void ntlmWithoutChannelBindingsIsAcceptedByARelaxedHost() {
        assertThat(result.at("/relaxed-without-cbt/stdout").asText()).isEqualTo("cbt-ok\n");
    }
}
