package io.winrminvoke.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dom4j.Document;
import org.dom4j.Element;
import org.dom4j.io.SAXReader;

/** Independent checks of the report files: schema validation, parsing as consumers do, secret search. */
final class ReportChecks {

    private ReportChecks() {
    }

    // ---- results.json

    static List<String> schemaErrors(Path resultsJson) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try (InputStream schemaText = ReportChecks.class.getResourceAsStream(
                "/io/winrminvoke/engine/report/results.schema.json")) {
            assertThat(schemaText).as("schema on the classpath").isNotNull();
            Schema schema = registry.getSchema(schemaText, InputFormat.JSON);
            List<Error> errors = schema.validate(Files.readString(resultsJson), InputFormat.JSON);
            return errors.stream().map(Error::toString).toList();
        }
    }

    // ---- junit.xml

    /** Validates against the Jenkins xUnit plugin's published junit-10.xsd; throws on the first violation. */
    static void validateJUnitXml(Path junitXml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        javax.xml.validation.Schema schema = factory.newSchema(ReportChecks.class.getResource("/junit/junit-10.xsd"));
        Validator validator = schema.newValidator();
        validator.validate(new StreamSource(junitXml.toFile()));
    }

    record JenkinsCase(String className, String name, float duration, String errorElement, String errorMessage,
                       String errorDetails, boolean skipped, String skippedMessage, String stdout, String stderr) {
    }

    record JenkinsSuite(String name, String timestamp, float duration, List<JenkinsCase> cases) {
    }

    /**
     * Reads junit.xml as Jenkins' junit plugin does (SuiteResult/CaseResult): dom4j SAXReader,
     * external entities off; suites are the root and nested testsuite elements that have a
     * testcase; per case classname (else suite name), name, time, error-or-failure text and
     * message, skipped and its message, system-out, system-err.
     */
    static List<JenkinsSuite> parseLikeJenkins(Path junitXml) throws Exception {
        SAXReader reader = new SAXReader();
        reader.setFeature("http://xml.org/sax/features/external-general-entities", false);
        Document document;
        try (InputStream in = Files.newInputStream(junitXml)) {
            document = reader.read(in);
        }
        List<JenkinsSuite> suites = new ArrayList<>();
        collectSuites(document.getRootElement(), suites);
        return suites;
    }

    private static void collectSuites(Element element, List<JenkinsSuite> suites) {
        for (Element nested : element.elements("testsuite")) {
            collectSuites(nested, suites);
        }
        if (element.element("testcase") == null && element.element("error") == null) {
            return;
        }
        List<JenkinsCase> cases = new ArrayList<>();
        for (Element c : element.elements("testcase")) {
            String className = c.attributeValue("classname");
            if (className == null) {
                className = element.attributeValue("name");
            }
            Element problem = c.element("error") != null ? c.element("error") : c.element("failure");
            Element skipped = c.element("skipped");
            cases.add(new JenkinsCase(className, c.attributeValue("name"), parseTime(c.attributeValue("time")),
                    problem == null ? null : problem.getName(),
                    problem == null ? null : problem.attributeValue("message"),
                    problem == null ? null : problem.getText(),
                    skipped != null, skipped == null ? null : skipped.attributeValue("message"),
                    c.elementText("system-out"), c.elementText("system-err")));
        }
        suites.add(new JenkinsSuite(element.attributeValue("name"), element.attributeValue("timestamp"),
                parseTime(element.attributeValue("time")), cases));
    }

    private static float parseTime(String time) {
        // junit-plugin's TimeToFloat: strips thousands separators, then Float.parseFloat
        return time == null ? 0f : Float.parseFloat(time.replace(",", ""));
    }

    // ---- results.csv

    static List<CSVRecord> readCsv(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (Reader in = new StringReader(text);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertThat(parser.getHeaderNames()).containsExactly(
                    "Timestamp", "ComputerName", "Status", "ExitCode", "DurationMs", "Attempts", "Message");
            return parser.getRecords();
        }
    }

    // ---- secrets

    /**
     * Every byte sequence that would give the secret away: its UTF-8 and UTF-16LE bytes, the
     * secret-only characters of its base64 at each alignment (UTF-8 and UTF-16LE), URL encodings,
     * and its JSON-, XML- and CSV-escaped spellings. Computed here independently of the masker.
     */
    static Map<String, byte[]> secretForms(String secret) throws IOException {
        Map<String, byte[]> forms = new LinkedHashMap<>();
        forms.put("plain", secret.getBytes(StandardCharsets.UTF_8));
        forms.put("utf-16le", secret.getBytes(StandardCharsets.UTF_16LE));
        for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE)) {
            byte[] bytes = secret.getBytes(charset);
            for (int offset = 0; offset < 3; offset++) {
                byte[] shifted = new byte[offset + bytes.length];
                System.arraycopy(bytes, 0, shifted, offset, bytes.length);
                String encoded = Base64.getEncoder().encodeToString(shifted);
                // drop characters touched by the prefix and the last (partial) group
                int from = (offset * 8 + 5) / 6;
                int to = shifted.length * 8 / 6;
                forms.put("base64 " + charset + " +" + offset, encoded.substring(from, to).getBytes(StandardCharsets.US_ASCII));
            }
        }
        forms.put("url", URLEncoder.encode(secret, StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII));
        String json = new ObjectMapper().writeValueAsString(secret);
        forms.put("json", json.substring(1, json.length() - 1).getBytes(StandardCharsets.UTF_8));
        forms.put("xml", secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").getBytes(StandardCharsets.UTF_8));
        forms.put("csv", secret.replace("\"", "\"\"").getBytes(StandardCharsets.UTF_8));
        return forms;
    }

    /** Asserts that no file under {@code directory} contains any form of {@code secret}. */
    static void assertNoSecretIn(Path directory, String secret) throws IOException {
        Map<String, byte[]> forms = secretForms(secret);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            forms.forEach((form, bytes) ->
                    assertThat(indexOf(content, bytes)).as("%s form of the secret in %s", form, file).isEqualTo(-1));
        }
    }

    static void assertNoSecretIn(String text, String secret) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        secretForms(secret).forEach((form, bytes) ->
                assertThat(indexOf(content, bytes)).as("%s form of the secret in text", form).isEqualTo(-1));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
