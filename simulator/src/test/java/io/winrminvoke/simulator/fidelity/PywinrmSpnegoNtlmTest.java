package io.winrminvoke.simulator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatorExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * NTLM inside SPNEGO, as Windows clients send it: MIT's SPNEGO initiator with Debian's
 * gss-ntlmssp (through python3-gssapi), mechListMIC exchanged both ways, then pywinrm's message
 * encryption sealed by gss-ntlmssp. requests-ntlm (PywinrmNtlmEncryptionTest) sends raw NTLM;
 * this proves the SPNEGO framing, the MIC and the RC4 restart of MS-SPNG against code not ours.
 */
class PywinrmSpnegoNtlmTest {
    private static final String PASSWORD = "Spnego-Ntlm-1";
    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.with(FleetConfig.builder().hosts(1).user("admin").password(PASSWORD).windowsDefaults());
    private static JsonNode result;

    @BeforeAll
    static void run() throws Exception {
        SystemPython.requirePywinrm();
        ObjectMapper json = new ObjectMapper();
        ObjectNode input = json.createObjectNode().put("principal", "admin").put("password", PASSWORD)
                .put("large_output_command", "head -c 20000 /dev/zero | tr '\\0' k");
        input.putArray("sessions").addObject().put("name", "ntlm").put("mech", "ntlm").put("message_encryption", "always")
                .put("endpoint", "http://localhost:" + SIM.fleet().host(0).port() + "/wsman");
        input.withArray("sessions").addObject().put("name", "wrong-password").put("mech", "ntlm").put("password", "nope")
                .put("message_encryption", "always").put("endpoint", "http://localhost:" + SIM.fleet().host(0).port() + "/wsman");

        SystemPython.Outcome outcome = SystemPython.run(SystemPython.script("pywinrm_gssapi_negotiate.py"),
                json.writeValueAsString(input), Duration.ofSeconds(120), Map.of());
        assertThat(outcome.exitStatus()).as("stderr:%n%s%nstdout:%n%s", outcome.stderr(), outcome.stdout()).isZero();
        result = json.readTree(outcome.stdout());
    }

    @Test
    void spnegoWrappedNtlmLogsOnAndSealsWithGssNtlmssp() {
        JsonNode s = result.get("ntlm");

        assertThat(s.get("encrypted").asBoolean()).as(s.toString()).isTrue();
        assertThat(s.at("/commands/0/stdout").asText()).isEqualTo("gssapi-sealed\n");
        assertThat(s.at("/commands/1/exit_code").asInt()).isEqualTo(5);
        assertThat(s.at("/commands/2/stdout_length").asInt()).isEqualTo(20000);
        assertThat(SIM.fleet().requestLog().entries()).filteredOn(e -> RequestLogEntry.COMMAND.equals(e.operation()))
                .isNotEmpty().allSatisfy(e -> assertThat(e.sealed()).isTrue());
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(result.at("/wrong-password/error").asText()).as(result.toString()).isEqualTo("InvalidCredentialsError");
    }
}
