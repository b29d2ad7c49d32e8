package io.winrminvoke.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainJsonWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesNestedPlainValuesOnOneLineThatParsesBack() throws Exception {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("throttle", 20);
        options.put("timeout", null);
        options.put("hosts", List.of("a:5985", "[::1]:5986"));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("message", "line one\nsays \"こんにちは\"\t\\");
        event.put("exitCode", -1L);
        event.put("ratio", 0.5);
        event.put("retried", true);
        event.put("notANumber", Double.NaN);
        event.put("options", options);

        String text = PlainJsonWriter.toJson(event);

        assertThat(text).doesNotContain("\n");
        JsonNode parsed = JSON.readTree(text);
        assertThat(parsed.get("message").asText()).isEqualTo("line one\nsays \"こんにちは\"\t\\");
        assertThat(parsed.get("exitCode").asLong()).isEqualTo(-1L);
        assertThat(parsed.get("ratio").asDouble()).isEqualTo(0.5);
        assertThat(parsed.get("retried").asBoolean()).isTrue();
        assertThat(parsed.get("notANumber").isTextual()).isTrue(); // still valid JSON
        assertThat(parsed.at("/options/throttle").asInt()).isEqualTo(20);
        assertThat(parsed.at("/options/timeout").isNull()).isTrue();
        assertThat(parsed.at("/options/hosts/1").asText()).isEqualTo("[::1]:5986");
        assertThat(parsed.fieldNames()).toIterable().containsExactly("message", "exitCode", "ratio", "retried", "notANumber", "options");
    }

    @Test
    void refusesAValueThatIsNotPlainJsonInsteadOfGuessing() {
        assertThatThrownBy(() -> PlainJsonWriter.toJson(Map.of("when", new Object[] {1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a plain JSON value");
    }
}
