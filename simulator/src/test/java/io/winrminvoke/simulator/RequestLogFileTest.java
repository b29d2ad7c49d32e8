package io.winrminvoke.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogFileTest {
    @Test
    void everyRequestIsOneJsonLineWithTheDocumentedFields(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("requests.jsonl");
        String encoded = Base64.getEncoder().encodeToString("Get-Date".getBytes(StandardCharsets.UTF_16LE));
        try (SimulatedFleet fleet = SimulatedFleet.start(FleetConfig.builder().hosts(1).user("admin")
                .password("s3cret").requestLog(file).build())) {
            new WsmanTestClient(fleet.host(0).endpoint(), "admin", "s3cret").run("echo", "-enc", encoded);
            assertThat(fleet.requestLog().entries()).extracting(RequestLogEntry::operation)
                    .containsExactly("Create", "Command", "Receive", "Signal", "Delete");
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(5);
        ObjectMapper json = new ObjectMapper();
        JsonNode create = json.readTree(lines.get(0));
        JsonNode command = json.readTree(lines.get(1));
        JsonNode signal = json.readTree(lines.get(3));
        assertThat(create.get("host").asText()).isEqualTo("host-000");
        assertThat(create.get("operation").asText()).isEqualTo("Create");
        assertThat(create.get("shellId").asText()).matches("[0-9A-F-]{36}");
        assertThat(create.get("httpStatus").asInt()).isEqualTo(200);
        assertThat(create.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(command.get("commandLine").asText()).isEqualTo("echo -enc " + encoded);
        assertThat(command.get("decodedScript").asText()).isEqualTo("Get-Date");
        assertThat(command.get("shellId").asText()).isEqualTo(create.get("shellId").asText());
        assertThat(signal.get("signalCode").asText())
                .isEqualTo("http://schemas.microsoft.com/wbem/wsman/1/windows/shell/signal/terminate");
        assertThat(signal.get("commandId").asText()).isEqualTo(command.get("commandId").asText());
        assertThat(lines).allSatisfy(l -> assertThat(json.readTree(l).has("fault")).isTrue());
    }
}
