package io.winrminvoke.engine.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.FleetRunner;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.winrm.session.ShellClient;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import io.winrminvoke.simulator.auth.cbt.CbtHardeningLevel;
import io.winrminvoke.simulator.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NTLM against simulated hosts configured as Windows ships (Basic off, AllowUnencrypted off):
 * over HTTP every message sealed, over HTTPS bound to the TLS channel of a CbtHardeningLevel=Strict
 * host; and each way it fails, with the request log showing exactly one request sequence.
 */
class NtlmOverSimulatorTest {

    private static final String USER = "deployer";
    private static final String PASSWORD = "Ntlm-P4ss word!";
    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(5);
    /** Host 1 has Negotiate off and Basic on: a host refusing the method. */
    private static final int BASIC_ONLY = 1;

    @TempDir
    static Path dir;
    private static SimulatedFleet http;
    private static SimulatedFleet https;
    private static Path wire;

    @BeforeAll
    static void start() {
        wire = dir.resolve("wire.log");
        http = SimulatedFleet.start(FleetConfig.builder().hosts(4).user(USER).password(PASSWORD).windowsDefaults()
                .wireLog(wire)
                .scenario(Scenario.fromJson("{\"hosts\": {\"" + BASIC_ONLY
                        + "\": {\"ntlm\": false, \"basic\": true, \"allowUnencrypted\": true}}}"))
                .build());
        https = SimulatedFleet.start(FleetConfig.builder().hosts(1).user(USER).password(PASSWORD).windowsDefaults()
                .https(true).cbtHardeningLevel(CbtHardeningLevel.STRICT).build());
    }

    @AfterAll
    static void stop() {
        http.close();
        https.close();
    }

    @Test
    void overHttpEveryMessageIsSealedAndTheLogonTakesTwoRequests() throws Exception {
        SimulatedHost host = http.host(0);
        int before = SimulatorConnections.arrivals(http, host).size();
        String output = run(settings(host, AuthMethod.NTLM, PASSWORD), "echo sealed-output-7");

        assertThat(output).isEqualTo("sealed-output-7\n");
        List<RequestLogEntry> all = SimulatorConnections.arrivals(http, host);
        List<RequestLogEntry> entries = all.subList(before, all.size());
        // NEGOTIATE (401 with the CHALLENGE), then AUTHENTICATE with the sealed Create
        assertThat(entries.get(0).httpStatus()).isEqualTo(401);
        assertThat(entries.get(0).operation()).isEqualTo(RequestLogEntry.UNKNOWN);
        assertThat(entries.get(1).operation()).isEqualTo(RequestLogEntry.CREATE);
        assertThat(entries.subList(1, entries.size())).allSatisfy(e -> {
            assertThat(e.sealed()).as("%s sealed", e.operation()).isTrue();
            assertThat(e.httpStatus()).isIn(200, 500);
        });
        assertThat(SimulatorConnections.operations(entries)).endsWith(RequestLogEntry.SIGNAL, RequestLogEntry.DELETE);
    }

    @Test
    void overHttpsAStrictHostTakesOurChannelBindingAndNothingIsSealed() throws Exception {
        SimulatedHost host = https.host(0);
        int before = SimulatorConnections.arrivals(https, host).size();
        ConnectionSettings settings = new ConnectionSettings(host.address(), host.port(), true, USER, PASSWORD,
                SimulatorConnections.CONNECT_TIMEOUT, OPERATION_TIMEOUT, 65001,
                new TlsSettings(caFile(), false), AuthSettings.of(AuthMethod.NTLM));

        assertThat(run(settings, "echo over-tls")).isEqualTo("over-tls\n");
        List<RequestLogEntry> all = SimulatorConnections.arrivals(https, host);
        List<RequestLogEntry> entries = all.subList(before, all.size());
        assertThat(entries.get(0).httpStatus()).isEqualTo(401);
        assertThat(entries.subList(1, entries.size())).allSatisfy(e -> {
            assertThat(e.sealed()).isFalse();
            assertThat(e.authFailure()).isNull();
        });
    }

    @Test
    void theWireCaptureHoldsNoCommandOutputOrPasswordInClear() throws Exception {
        SimulatedHost host = http.host(2);
        String command = "echo Confidential-Command-Text-42";
        String output = run(settings(host, AuthMethod.NTLM, PASSWORD), command);
        assertThat(output).isEqualTo("Confidential-Command-Text-42\n");

        byte[] capture = Files.readAllBytes(wire);
        String text = new String(capture, StandardCharsets.ISO_8859_1);
        assertThat(text).as("the capture has the sealed exchange").contains("multipart/encrypted").contains(host.name());
        for (String secret : List.of("Confidential-Command-Text", PASSWORD, "rsp:CommandLine", "<s:Envelope")) {
            assertThat(text).doesNotContain(secret);
            // and not as UTF-16 (how Windows APIs would carry a password)
            assertThat(text).doesNotContain(new String(secret.getBytes(StandardCharsets.UTF_16LE),
                    StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void aLargeOutputComesThroughSealedAnswersInOrder() throws Exception {
        SimulatedHost host = http.host(0);
        String output = run(settings(host, AuthMethod.NTLM, PASSWORD), "head -c 400000 /dev/zero | tr '\\0' y");

        assertThat(output).hasSize(400000).matches("y+");
    }

    @Test
    void aReplacedConnectionAuthenticatesAgain() throws Exception {
        SimulatedHost host = http.host(3);
        try (WinRsClient client = WinRsClients.connect(settings(host, AuthMethod.NTLM, PASSWORD))) {
            assertThat(runOn(client, "echo first")).isEqualTo("first\n");
            host.stopListening(); // closes the host's connections and their security contexts
            host.startListening();
            assertThat(runOn(client, "echo second")).isEqualTo("second\n");
            assertThat(((ShellClient) client).connectionsOpened()).isGreaterThanOrEqualTo(2);
        }
        List<RequestLogEntry> entries = SimulatorConnections.arrivals(http, host);
        assertThat(entries.stream().filter(e -> e.httpStatus() == 401).count())
                .as("one NEGOTIATE per connection").isGreaterThanOrEqualTo(2);
        assertThat(entries).noneMatch(e -> e.authFailure() != null && e.httpStatus() != 401);
        assertThat(entries.stream().filter(e -> e.operation().equals(RequestLogEntry.CREATE)).count()).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsAuthFailedAfterOneHandshakeAndIsNotRetried() {
        // NEGOTIATE and AUTHENTICATE, nothing more
        assertThat(authFailure(http.host(2), USER, AuthSettings.of(AuthMethod.NTLM), "not-the-password", 2))
                .contains("NTLM").contains("refused the logon of user '" + USER + "'")
                .contains("SEC_E_LOGON_DENIED 0x8009030C").doesNotContain("not-the-password");
    }

    @Test
    void anUnknownUserIsAuthFailedTheSameWay() {
        assertThat(authFailure(http.host(2), "nobody", AuthSettings.of(AuthMethod.NTLM), PASSWORD, 2))
                .contains("user 'nobody'").contains("unknown");
    }

    @Test
    void aWrongPasswordOverHttpsIsAuthFailedAfterOneHandshake() throws Exception {
        SimulatedHost host = https.host(0);
        long before = host.counters().requests();
        ConnectionSettings settings = new ConnectionSettings(host.address(), host.port(), true, USER, "wrong",
                SimulatorConnections.CONNECT_TIMEOUT, OPERATION_TIMEOUT, 65001,
                new TlsSettings(caFile(), false), AuthSettings.of(AuthMethod.NTLM));

        WinRmException e = failure(settings);

        assertThat(e.kind()).isEqualTo(FailureKind.AUTH_FAILED);
        assertThat(e.commandStarted()).isFalse();
        assertThat(e.getMessage()).contains("SEC_E_LOGON_DENIED").contains("CbtHardeningLevel");
        assertThat(host.counters().requests() - before).isEqualTo(2);
    }

    @Test
    void basicOverHttpToAHostRefusingUnencryptedMessagesSaysSo() {
        assertThat(authFailure(http.host(0), USER, AuthSettings.unencryptedBasic(), PASSWORD, 1))
                .contains("refuses unencrypted messages").contains("AllowUnencrypted=false").contains("offered Negotiate");
    }

    @Test
    void ntlmToAHostWithoutNegotiateSaysTheHostRefusesTheMethod() {
        assertThat(authFailure(http.host(BASIC_ONLY), USER, AuthSettings.of(AuthMethod.NTLM), PASSWORD, 1))
                .contains("does not accept Negotiate").contains("it offered Basic");
    }

    @Test
    void theDefaultForALocalUserReachesAWindowsDefaultHost() {
        SimulatedHost host = http.host(0);

        HostResult result = runFleet(host, AuthSettings.byUserName(), PASSWORD);

        assertThat(result.status()).as(result.message()).isEqualTo(HostStatus.SUCCEEDED);
    }

    private static ConnectionSettings settings(SimulatedHost host, AuthMethod method, String password) {
        return new ConnectionSettings(host.address(), host.port(), host.https(), USER, password,
                SimulatorConnections.CONNECT_TIMEOUT, OPERATION_TIMEOUT, 65001, null, AuthSettings.of(method));
    }

    private static String run(ConnectionSettings settings, String command) throws WinRmException {
        try (WinRsClient client = WinRsClients.connect(settings)) {
            return runOn(client, command);
        }
    }

    private static String runOn(WinRsClient client, String command) throws WinRmException {
        CollectingSink sink = new CollectingSink();
        try (RemoteCommand remote = client.start(command, List.of(), false)) {
            assertThat(remote.awaitExit(sink, null)).isZero();
        }
        return sink.stdoutText();
    }

    private static WinRmException failure(ConnectionSettings settings) {
        return catchThrowableOfType(WinRmException.class, () -> run(settings, "echo never"));
    }

    private static HostResult runFleet(SimulatedHost host, AuthSettings auth, String password) {
        return runFleet(host, USER, auth, password);
    }

    /** The message of an AUTH_FAILED host, after checking it took one attempt of exactly {@code requests} requests. */
    private static String authFailure(SimulatedHost host, String user, AuthSettings auth, String password, int requests) {
        long before = host.counters().requests();
        HostResult result = runFleet(host, user, auth, password);
        assertThat(result.status()).as(result.message()).isEqualTo(HostStatus.AUTH_FAILED);
        assertThat(result.attempts()).hasSize(1);
        assertThat(host.counters().requests() - before).as("requests").isEqualTo(requests);
        return result.message();
    }

    /** Through the fan-out with three retries allowed: an authentication failure must use none. */
    private static HostResult runFleet(SimulatedHost host, String user, AuthSettings auth, String password) {
        RunOptions options = RunOptions.builder().connectTimeout(Duration.ofSeconds(5)).operationTimeout(OPERATION_TIMEOUT)
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialDelay(Duration.ofMillis(10)).jitter(0).build())
                .auth(auth).build();
        RunResult result = FleetRunner.run(new RunRequest(List.of(new Target(host.address(), host.port())), user,
                password, CommandSpec.commandLine("echo hi"), options, null), RunListener.NONE);
        return result.hosts().get(0);
    }

    private static Path caFile() throws Exception {
        Path ca = dir.resolve("ca.pem");
        if (!Files.exists(ca)) {
            Files.writeString(ca, https.tls().caCertificatePem());
        }
        return ca;
    }
}
