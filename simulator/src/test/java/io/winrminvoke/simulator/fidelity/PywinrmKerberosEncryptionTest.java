package io.winrminvoke.simulator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import io.winrminvoke.simulator.auth.cbt.CbtHardeningLevel;
import io.winrminvoke.simulator.kdc.TestKdc;
import io.winrminvoke.simulator.scenario.Scenario;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pywinrm with Kerberos against Windows-default hosts (no Basic, no unencrypted HTTP) whose
 * service key comes from a real MIT KDC ({@link TestKdc}): message encryption over HTTP (SPNEGO
 * and raw Kerberos tokens), and channel binding over HTTPS (strict and relaxed hosts).
 *
 * <p>Debian's pykerberos 1.1.14 lacks {@code authGSSWinRMEncryptMessage}, so requests-kerberos
 * 0.12 reports {@code winrm_encryption_available = False}. The script replaces it with the
 * smallest requests auth adapter on python3-gssapi (MIT's gss_wrap_iov does the crypto) that
 * pywinrm's own {@code Encryption} class drives; see pywinrm_gssapi_negotiate.py. The Kerberos
 * client and the crypto are MIT's, the framing pywinrm's: nothing of it is ours.
 */
class PywinrmKerberosEncryptionTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "Kerberos-Pw1";
    private static final int LARGE_OUTPUT = 30_000;

    @TempDir
    static Path dir;
    private static TestKdc kdc;
    private static SimulatedFleet http;
    private static SimulatedFleet https;
    private static JsonNode result;

    @BeforeAll
    static void runSessions() throws Exception {
        SystemPython.requirePywinrm();
        kdc = TestKdc.start(dir.resolve("kdc"));
        kdc.addUser(USER, PASSWORD);
        kdc.addService("HTTP/localhost");
        FleetConfig.Builder windows = FleetConfig.builder().user(USER).password("not-used-by-kerberos")
                .windowsDefaults().ntlm(false).kerberosKeytab(kdc.serviceKeytab());
        http = SimulatedFleet.start(windows.hosts(1).build());
        https = SimulatedFleet.start(windows.hosts(2).https(true).cbtHardeningLevel(CbtHardeningLevel.STRICT)
                .scenario(Scenario.fromJson("{\"hosts\": {\"1\": {\"cbtHardeningLevel\": \"relaxed\"}}}")).build());
        Path ca = Files.writeString(dir.resolve("ca.pem"), https.tls().caCertificatePem());

        ObjectMapper json = new ObjectMapper();
        ObjectNode input = json.createObjectNode()
                .put("principal", USER + "@" + kdc.realm()).put("password", PASSWORD)
                .put("large_output_command", "head -c " + LARGE_OUTPUT + " /dev/zero | tr '\\0' k");
        ArrayNode sessions = input.putArray("sessions");
        for (String mech : List.of("spnego", "kerberos")) {
            sessions.addObject().put("name", "http-" + mech).put("endpoint", url(http.host(0), "http"))
                    .put("mech", mech).put("message_encryption", "always");
        }
        sessions.addObject().put("name", "http-kerberos-scheme").put("endpoint", url(http.host(0), "http"))
                .put("mech", "kerberos").put("scheme", "Kerberos").put("message_encryption", "always");
        for (String cbt : List.of("right", "none", "wrong")) {
            sessions.addObject().put("name", "strict-" + cbt).put("endpoint", url(https.host(0), "https"))
                    .put("mech", "spnego").put("message_encryption", "auto").put("cbt", cbt).put("ca_file", ca.toString());
        }
        sessions.addObject().put("name", "relaxed-none").put("endpoint", url(https.host(1), "https"))
                .put("mech", "spnego").put("message_encryption", "auto").put("cbt", "none").put("ca_file", ca.toString());

        SystemPython.Outcome outcome = SystemPython.run(SystemPython.script("pywinrm_gssapi_negotiate.py"),
                json.writeValueAsString(input), Duration.ofSeconds(180),
                Map.of("KRB5_CONFIG", kdc.krb5Conf().toString(), "KRB5CCNAME", "MEMORY:pywinrm"));
        assertThat(outcome.exitStatus())
                .as("pywinrm sessions failed; stderr:%n%s%nstdout:%n%s", outcome.stderr(), outcome.stdout()).isZero();
        result = json.readTree(outcome.stdout());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {http, https, kdc}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // the others still close
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http-spnego", "http-kerberos", "http-kerberos-scheme"})
    void pywinrmRunsCommandsWithKerberosAndMessageEncryption(String name) throws Exception {
        JsonNode s = result.get(name);

        assertThat(s.get("encrypted").asBoolean()).as(s.toString()).isTrue();
        assertCommandsRan(s);
        assertThat(http.requestLog().entries()).filteredOn(e -> !RequestLogEntry.UNKNOWN.equals(e.operation()))
                .isNotEmpty().allSatisfy(e -> assertThat(e.sealed()).as(e.operation()).isTrue());
    }

    @Test
    void aKerberosHostOffersNegotiateAndTheKerberosScheme() throws Exception {
        HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(http.host(0).endpoint())
                .POST(HttpRequest.BodyPublishers.ofString("<s:Envelope/>")).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly("Negotiate", "Kerberos");
    }

    @Test
    void kerberosBoundToTheTlsChannelLogsOnToAStrictHost() throws Exception {
        JsonNode s = result.get("strict-right");

        assertThat(s.get("encrypted").asBoolean()).as(s.toString()).isFalse();
        assertCommandsRan(s);
    }

    @Test
    void aStrictHostRefusesKerberosWithoutChannelBindings() {
        assertThat(result.at("/strict-none/error").asText()).isEqualTo("InvalidCredentialsError");
        assertThat(failures(https.host(0))).anyMatch(f -> f.contains("no channel binding token"));
    }

    @Test
    void kerberosBoundToAnotherChannelIsRefused() {
        assertThat(result.at("/strict-wrong/error").asText()).isEqualTo("InvalidCredentialsError");
    }

    @Test
    void aRelaxedHostAcceptsKerberosWithoutChannelBindings() throws Exception {
        assertCommandsRan(result.get("relaxed-none"));
    }

    private static void assertCommandsRan(JsonNode s) throws Exception {
        assertThat(s.at("/commands/0/stdout").asText()).as(s.toString()).isEqualTo("gssapi-sealed\n");
        assertThat(s.at("/commands/1/stderr").asText()).isEqualTo("err-line\n");
        assertThat(s.at("/commands/1/exit_code").asInt()).isEqualTo(5);
        assertThat(s.at("/commands/2/stdout_length").asInt()).isEqualTo(LARGE_OUTPUT);
        assertThat(s.at("/commands/2/stdout_sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest("k".repeat(LARGE_OUTPUT).getBytes(StandardCharsets.US_ASCII))));
    }

    private static List<String> failures(SimulatedHost host) {
        return https.requestLog().entriesFor(host).stream().map(e -> String.valueOf(e.authFailure())).toList();
    }

    private static String url(SimulatedHost host, String scheme) {
        return scheme + "://localhost:" + host.port() + "/wsman";
    }
}
