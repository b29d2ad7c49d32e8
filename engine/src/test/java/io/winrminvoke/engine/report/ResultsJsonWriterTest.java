package io.winrminvoke.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * results.json written field by field is, byte for byte, what an ObjectMapper with INDENT_OUTPUT
 * wrote from the same records (as the engine did before), for documents with and without waves,
 * nulls in every nullable field and text that needs escaping.
 */
class ResultsJsonWriterTest {

    private static final String TRICKY = "line\r\nnext \"quoted\" \\ tab\t nul\u0000 ü 日本 😀 </script>";

    @Test
    void aDocumentWithWavesAndEveryFieldSetIsWhatTheObjectMapperWrote() throws Exception {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("throttle", 100);
        options.put("operationTimeout", "PT20S");
        options.put("allowUnencrypted", true);
        options.put("ratio", 0.25);
        options.put("noValue", null);
        options.put("hosts", List.of("a", TRICKY));
        options.put("nested", Map.of("k", List.of(1, 2L)));
        options.put("empty", List.of());
        options.put("emptyMap", Map.of());
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("total", 2);
        counts.put("SUCCEEDED", 1);
        counts.put("FAILED", 1);
        ResultsRollout rollout = new ResultsRollout("1,100%", "5%", List.of(1, 1), true, "rollout stopped after wave 1",
                1, "cancelled", TRICKY, List.of(
                        new ResultsWave(1, 1, 0, 1, 0, 1, 1, "STOP", TRICKY),
                        new ResultsWave(2, 1, 1, 0, 0, 1, 2, "DONE", "wave 2")));
        ResultsRun run = new ResultsRun("nightly " + TRICKY, "2026-12-03T10:00:00Z", "2026-12-03T10:00:05.123Z", 5123,
                counts, options, rollout);
        List<ResultsHost> hosts = List.of(
                new ResultsHost("web01:5986", "web01", 5986, "SUCCEEDED", 0, null, "2026-12-03T10:00:00Z",
                        "2026-12-03T10:00:01Z", 1000, List.of(
                                new ResultsAttempt(1, "2026-12-03T10:00:00Z", "2026-12-03T10:00:01Z", 1000, "SUCCEEDED",
                                        0, null, null, false)),
                        new ResultsOutput(TRICKY, false), new ResultsOutput("", true), "hosts/web01_5986~12345678.log", 1),
                new ResultsHost("[::1]", "::1", null, "FAILED", null, TRICKY, null, null, 0, List.of(
                        new ResultsAttempt(1, null, null, 0, null, null, TRICKY, "CONNECTION_REFUSED", true),
                        new ResultsAttempt(2, "s", "e", 7, "FAILED", -1, "e", "AUTH_FAILED", false)),
                        new ResultsOutput(null, false), null, "hosts/_1~abcdef01.log", null));
        ResultsDocument document = new ResultsDocument(1, new ResultsTool("winrm-invoke", "1.2.3"), run, hosts);

        assertThat(written(document)).isEqualTo(objectMapper(document));
    }

    @Test
    void aDocumentWithoutWavesHostsOrToolIsWhatTheObjectMapperWrote() throws Exception {
        List<ResultsDocument> documents = new ArrayList<>(Arrays.asList(
                new ResultsDocument(1, new ResultsTool("winrm-invoke", null),
                        new ResultsRun(null, null, null, 0, Map.of(), Map.of(), null), List.of()),
                new ResultsDocument(1, null, null, null)));
        for (ResultsDocument document : documents) {
            assertThat(written(document)).isEqualTo(objectMapper(document));
        }
    }

    private static String written(ResultsDocument document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsJsonWriter.write(out, document);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String objectMapper(ResultsDocument document) throws Exception {
        return new String(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writerFor(ResultsDocument.class)
                .writeValueAsBytes(document), StandardCharsets.UTF_8);
    }
}
