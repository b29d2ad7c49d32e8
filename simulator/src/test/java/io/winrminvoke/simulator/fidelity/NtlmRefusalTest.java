package io.winrminvoke.simulator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** NTLM logons a hardened Windows refuses, made by ntlm-auth (not ours): only NTLMv2 with a valid MIC gets in. */
class NtlmRefusalTest {
    private static final String PASSWORD = "Refusal-Pw1";
    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.with(FleetConfig.builder().hosts(1).user("admin").password(PASSWORD).windowsDefaults());
    private static JsonNode status;

    @BeforeAll
    static void run() throws Exception {
        SystemPython.requirePywinrm();
        ObjectMapper json = new ObjectMapper();
        String input = json.createObjectNode().put("endpoint", SIM.fleet().host(0).endpoint().toString())
                .put("user", "admin").put("password", PASSWORD).toString();
        SystemPython.Outcome outcome = SystemPython.run(SystemPython.script("ntlm_refusals.py"), input,
                Duration.ofSeconds(60), SystemPython.md4Enabled());
        assertThat(outcome.exitStatus()).as("stderr:%n%s", outcome.stderr()).isZero();
        status = json.readTree(outcome.stdout());
    }

    @Test
    void ntlmV2IsAccepted() {
        assertThat(status.get("v2").asInt()).isEqualTo(200);
    }

    @Test
    void ntlmV1AndLmAreRefused() {
        assertThat(status.get("v1").asInt()).isEqualTo(401);
        assertThat(status.get("lm").asInt()).isEqualTo(401);
        assertThat(failures()).anyMatch(f -> f.contains("NTLMv1 response refused"));
    }

    @Test
    void aTamperedMicIsRefused() {
        assertThat(status.get("bad_mic").asInt()).isEqualTo(401);
        assertThat(failures()).anyMatch(f -> f.contains("MIC does not verify"));
    }

    private static List<String> failures() {
        return SIM.fleet().requestLog().entries().stream().map(RequestLogEntry::authFailure).filter(f -> f != null).toList();
    }
}
