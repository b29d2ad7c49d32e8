package io.winrminvoke.engine.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import io.winrminvoke.simulator.kdc.TestKdc;
import io.winrminvoke.simulator.scenario.Scenario;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kerberos against simulated Windows-default hosts whose service keys come from a real MIT KDC
 * (the simulator's TestKdc): sealed over HTTP, channel-bound over HTTPS to a Strict host; a
 * password, a ticket cache or a keytab; each KDC refusal told apart, before the host is contacted
 * (and so with no request at all), and one KDC login per run whatever the number of hosts.
 *
 * <p>krb5.conf is JVM-wide by the JDK's design: this test (only) points the test JVM at the test
 * realms' file, and puts the property back afterwards.
 */
class KerberosOverSimulatorTest {

    private static final String USER = "deployer";
    private static final String PASSWORD = "Kerb-P4ss word!";
    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path dir;
    private static TestKdc kdc;
    private static TestKdc skewed;
    private static SimulatedFleet http;
    private static SimulatedFleet https;
    private static String previousKrb5Conf;
    private static Path ca;
    /** TestKdc expires a password "now", and the KDC counts in whole seconds: it is expired from the next one. */
    private static java.time.Instant expiredAt;

    @BeforeAll
    static void start() throws Exception {
        kdc = TestKdc.start(dir.resolve("kdc"));
        skewed = TestKdc.start(dir.resolve("skewed"), "SKEW.TEST", Duration.ofHours(1));
        for (TestKdc realm : List.of(kdc, skewed)) {
            realm.addUser(USER, PASSWORD);
        }
        kdc.addUser("locked", PASSWORD);
        kdc.disableUser("locked");
        kdc.addUser("expired", PASSWORD);
        kdc.expirePassword("expired");
        expiredAt = java.time.Instant.now();
        kdc.addService("HTTP/localhost");
        // a realm whose KDC is down: its port is free and nothing listens there
        Path conf = TestKdc.writeKrb5Conf(dir.resolve("krb5.conf"), kdc, skewed);
        Files.writeString(conf, Files.readString(conf).replace("[realms]\n",
                "[realms]\n    DOWN.TEST = {\n        kdc = 127.0.0.1:" + freePort() + "\n    }\n"));
        previousKrb5Conf = System.setProperty("java.security.krb5.conf", conf.toString());

        // the hosts' account: WINRM\deployer, which Kerberos (deployer@...) and NTLM (the UPN) both name
        http = SimulatedFleet.start(FleetConfig.builder().hosts(4).user("WINRM\\" + USER).password(PASSWORD)
                .windowsDefaults().kerberosKeytab(kdc.serviceKeytab()).build());
        // host 0 Relaxed (Windows' default), host 1 Strict
        https = SimulatedFleet.start(FleetConfig.builder().hosts(2).user("WINRM\\" + USER).password(PASSWORD)
                .windowsDefaults().kerberosKeytab(kdc.serviceKeytab()).https(true)
                .scenario(Scenario.fromJson("{\"hosts\": {\"1\": {\"cbtHardeningLevel\": \"strict\"}}}")).build());
        ca = Files.writeString(dir.resolve("ca.pem"), https.tls().caCertificatePem());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable open : new AutoCloseable[] {http, https, kdc, skewed}) {
            try {
                if (open != null) {
                    open.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
        if (previousKrb5Conf == null) {
            System.clearProperty("java.security.krb5.conf");
        } else {
            System.setProperty("java.security.krb5.conf", previousKrb5Conf);
        }
    }

    @Test
    void overHttpEveryMessageIsSealedAfterAOneRequestHandshake() throws Exception {
        SimulatedHost host = http.host(0);
        int before = arrivals(http, host).size();

        assertThat(run(settings(host, USER + "@winrm.test", PASSWORD, AuthMethod.KERBEROS), "echo kerberos-sealed"))
                .isEqualTo("kerberos-sealed\n");

        List<RequestLogEntry> entries = since(http, host, before);
        // the AP-REQ with an empty body, answered 200 with the AP-REP; then the sealed Create
        assertThat(entries.get(0).httpStatus()).isEqualTo(200);
        assertThat(entries.get(0).operation()).isEqualTo(RequestLogEntry.UNKNOWN);
        assertThat(entries.get(1).operation()).isEqualTo(RequestLogEntry.CREATE);
        assertThat(entries.subList(1, entries.size())).allSatisfy(e -> assertThat(e.sealed()).isTrue());
        assertThat(entries).allSatisfy(e -> assertThat(e.authFailure()).isNull());
    }

    @Test
    void overHttpsARelaxedHostTakesTheTicketWithTheFirstMessage() throws Exception {
        SimulatedHost host = https.host(0);
        int before = arrivals(https, host).size();
        ConnectionSettings settings = new ConnectionSettings("localhost", host.port(), true, USER + "@WINRM.TEST",
                PASSWORD, SimulatorConnections.CONNECT_TIMEOUT, OPERATION_TIMEOUT, 65001, new TlsSettings(ca, false),
                AuthSettings.of(AuthMethod.KERBEROS));

        assertThat(run(settings, "echo over-tls")).isEqualTo("over-tls\n");

        List<RequestLogEntry> entries = since(https, host, before);
        assertThat(entries.get(0).operation()).isEqualTo(RequestLogEntry.CREATE);
        assertThat(entries.get(0).httpStatus()).isEqualTo(200);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.sealed()).isFalse();
            assertThat(e.authFailure()).isNull();
        });
    }

    /**
     * A Strict host needs channel bindings in Windows' form, which the JDK writes only through its
     * internal TlsChannelBindingImpl (exported to this test JVM by the engine's surefire argLine,
     * as the CLI's manifest does): then Kerberos over HTTPS reaches a Strict host.
     */
    @Test
    void overHttpsAStrictHostTakesOurChannelBindingWhereTheJvmExportsTheJdksTlsBinding() throws Exception {
        assumeTrue(WindowsChannelBindingProbe.available(), "the JVM does not export the JDK's TLS channel binding");
        SimulatedHost host = https.host(1);
        int before = arrivals(https, host).size();

        assertThat(run(strict(host), "echo strict-cbt")).isEqualTo("strict-cbt\n");
        assertThat(since(https, host, before)).allSatisfy(e -> assertThat(e.authFailure()).isNull());
    }

    /** Without that export no binding is sent: Relaxed takes it, a Strict host refuses, saying what to do. */
    @Test
    void withoutTheExportAStrictHostRefusesKerberosAndSaysWhatToDoInstead() {
        assumeFalse(WindowsChannelBindingProbe.available(), "the JVM exports the JDK's TLS channel binding");
        SimulatedHost host = https.host(1);
        long before = host.counters().requests();

        WinRmException e = org.assertj.core.api.Assertions.catchThrowableOfType(WinRmException.class,
                () -> run(strict(host), "echo never"));

        assertThat(e.kind()).isEqualTo(FailureKind.AUTH_FAILED);
        assertThat(e.getMessage()).contains("CbtHardeningLevel=Strict").contains("use HTTP").contains("NTLM");
        assertThat(host.counters().requests() - before).isEqualTo(1);
    }

    private static ConnectionSettings strict(SimulatedHost host) {
        return new ConnectionSettings("localhost", host.port(), true, USER + "@WINRM.TEST", PASSWORD,
                SimulatorConnections.CONNECT_TIMEOUT, OPERATION_TIMEOUT, 65001, new TlsSettings(ca, false),
                AuthSettings.of(AuthMethod.KERBEROS));
    }

    @Test
    void aTicketCacheWrittenByKinitLogsOnWithoutAPassword() throws Exception {
        Path cache = dir.resolve("krb5cc_deployer");
        ProcessBuilder kinit = new ProcessBuilder("kinit", "-c", "FILE:" + cache, USER + "@" + kdc.realm())
                .redirectErrorStream(true);
        kinit.environment().put("KRB5_CONFIG", kdc.krb5Conf().toString());
        Process process = kinit.start();
        process.getOutputStream().write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(said).isZero();

        AuthSettings fromCache = new AuthSettings(null, new KerberosSettings(cache, null, null, false, false), false);
        assertThat(fromCache.methodFor(USER)).isEqualTo(AuthMethod.KERBEROS);
        assertThat(run(settings(http.host(1), USER + "@" + kdc.realm(), null, fromCache), "echo from-cache"))
                .isEqualTo("from-cache\n");
    }

    @Test
    void aKeytabLogsOnWithoutAPassword() throws Exception {
        Path keytab = dir.resolve("deployer.keytab");
        Process ktutil = new ProcessBuilder("ktutil").redirectErrorStream(true).start();
        ktutil.getOutputStream().write(("addent -password -p " + USER + "@" + kdc.realm()
                + " -k 1 -e aes256-cts-hmac-sha1-96\n" + PASSWORD + "\nwkt " + keytab + "\nquit\n")
                .getBytes(StandardCharsets.UTF_8));
        ktutil.getOutputStream().close();
        String said = new String(ktutil.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ktutil.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytab).as(said).isRegularFile();

        AuthSettings fromKeytab = new AuthSettings(AuthMethod.KERBEROS,
                new KerberosSettings(null, keytab, null, false, false), false);
        assertThat(run(settings(http.host(1), USER + "@" + kdc.realm(), null, fromKeytab), "echo from-keytab"))
                .isEqualTo("from-keytab\n");
    }

    @Test
    void aWrongPasswordIsToldBeforeAnyRequestAndCountsOneFailedLogonForTheWholeRun() throws Exception {
        long asRequestsBefore = asRequests();
        List<HostResult> results = runFleet(http.hosts().subList(0, 3), USER + "@" + kdc.realm(), "Not-The-Pa55",
                AuthSettings.of(AuthMethod.KERBEROS));

        // whichever host's worker asked the KDC first is the one tried; the lock-out protection
        // (authFailureLimit 1) tries no further host with the refused password
        List<HostResult> tried = results.stream().filter(r -> r.status() == HostStatus.AUTH_FAILED).toList();
        assertThat(tried).as("hosts tried").hasSize(1);
        HostResult first = tried.get(0);
        assertThat(first.attempts()).hasSize(1);
        assertThat(first.message()).contains("wrong password for deployer@WINRM.TEST")
                .contains("SEC_E_LOGON_DENIED 0x8009030C").doesNotContain("wrong\"");
        assertThat(results).filteredOn(r -> r != first).hasSize(2).allSatisfy(r -> assertThat(r.message())
                .isEqualTo("not attempted: credentials refused by 1 host (first: " + first.target().display() + ")"));
        assertThat(asRequests() - asRequestsBefore).as("one AS exchange for three hosts").isBetween(1L, 2L);
    }

    @Test
    void oneKdcLoginServesEveryHostOfARun() throws Exception {
        long asRequestsBefore = asRequests();
        List<HostResult> results = runFleet(http.hosts().subList(0, 3), USER + "@" + kdc.realm(), PASSWORD,
                AuthSettings.of(AuthMethod.KERBEROS));

        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(HostStatus.SUCCEEDED));
        // the JDK sends one AS-REQ without pre-authentication first, then the one with it
        assertThat(asRequests() - asRequestsBefore).isBetween(1L, 2L);
    }

    @Test
    void eachKdcRefusalIsToldApartAndNoneIsRetried() {
        SimulatedHost host = http.host(2);
        long requestsBefore = host.counters().requests();

        assertThat(failure(host, "nobody@WINRM.TEST", PASSWORD)).contains("the KDC does not know the user nobody@WINRM.TEST")
                .contains("KDC_ERR_C_PRINCIPAL_UNKNOWN");
        assertThat(failure(host, "locked@WINRM.TEST", PASSWORD)).contains("locked out or disabled")
                .contains("KDC_ERR_CLIENT_REVOKED");
        waitUntil(expiredAt.plusSeconds(2));
        assertThat(failure(host, "expired@WINRM.TEST", PASSWORD)).contains("password of expired@WINRM.TEST has expired")
                .contains("KDC_ERR_KEY_EXPIRED");
        assertThat(failure(host, USER + "@SKEW.TEST", PASSWORD)).contains("clock skew too great")
                .contains("SEC_E_TIME_SKEW 0x80090324");
        assertThat(failure(host, USER + "@DOWN.TEST", PASSWORD)).contains("no KDC for deployer@DOWN.TEST could be contacted")
                .contains("SEC_E_NO_AUTHORITY 0x80090311");
        assertThat(host.counters().requests()).as("no request reached the host").isEqualTo(requestsBefore);
    }

    @Test
    void anSpnTheKdcDoesNotKnowIsNamed() {
        SimulatedHost host = http.host(2);
        AuthSettings wsman = new AuthSettings(AuthMethod.KERBEROS,
                new KerberosSettings(null, null, SpnService.WSMAN, false, false), false);

        HostResult result = runFleet(List.of(host), USER + "@WINRM.TEST", PASSWORD, wsman).get(0);

        assertThat(result.status()).isEqualTo(HostStatus.AUTH_FAILED);
        assertThat(result.message()).contains("knows no SPN WSMAN/localhost").contains("0x80090303");
    }

    @Test
    void negotiateFallsBackToNtlmForAHostGivenByIpAddress() {
        SimulatedHost host = http.host(3);
        int before = arrivals(http, host).size();
        RunOptions options = options(AuthSettings.byUserName());
        RunResult result = FleetRunner.run(new RunRequest(List.of(new Target("127.0.0.1", host.port())),
                USER + "@WINRM.TEST", PASSWORD, CommandSpec.commandLine("echo via-ntlm"), options, null),
                RunListener.NONE);

        assertThat(result.hosts().get(0).status()).as(result.hosts().get(0).message()).isEqualTo(HostStatus.SUCCEEDED);
        assertThat(result.hosts().get(0).stdout()).isEqualTo("via-ntlm\n");
        // NTLM's two legs: the NEGOTIATE answered 401
        assertThat(since(http, host, before).get(0).httpStatus()).isEqualTo(401);
    }

    private static String failure(SimulatedHost host, String user, String password) {
        HostResult result = runFleet(List.of(host), user, password, AuthSettings.of(AuthMethod.KERBEROS)).get(0);
        assertThat(result.status()).as(result.message()).isEqualTo(HostStatus.AUTH_FAILED);
        assertThat(result.attempts()).hasSize(1);
        return result.message();
    }

    private static ConnectionSettings settings(SimulatedHost host, String user, String password, AuthMethod method) {
        return settings(host, user, password, AuthSettings.of(method));
    }

    private static ConnectionSettings settings(SimulatedHost host, String user, String password, AuthSettings auth) {
        // named "localhost", whose SPN HTTP/localhost the KDC knows: Kerberos needs a name, not 127.0.0.1
        return new ConnectionSettings("localhost", host.port(), false, user, password,
                SimulatorConnections.CONNECT_TIMEOUT, OPERATION_TIMEOUT, 65001, null, auth);
    }

    private static String run(ConnectionSettings settings, String command) throws WinRmException {
        CollectingSink sink = new CollectingSink();
        try (WinRsClient client = WinRsClients.connect(settings);
             RemoteCommand remote = client.start(command, List.of(), false)) {
            assertThat(remote.awaitExit(sink, null)).isZero();
        }
        return sink.stdoutText();
    }

    /** Through the fan-out, three retries allowed: an authentication failure must use none. */
    private static List<HostResult> runFleet(List<SimulatedHost> hosts, String user, String password, AuthSettings auth) {
        List<Target> targets = hosts.stream().map(h -> new Target("localhost", h.port())).toList();
        return FleetRunner.run(new RunRequest(targets, user, password, CommandSpec.commandLine("echo hi"),
                options(auth), null), RunListener.NONE).hosts();
    }

    private static RunOptions options(AuthSettings auth) {
        return RunOptions.builder().connectTimeout(Duration.ofSeconds(5)).operationTimeout(OPERATION_TIMEOUT)
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialDelay(Duration.ofMillis(10)).jitter(0).build())
                .auth(auth).build();
    }

    private static List<RequestLogEntry> arrivals(SimulatedFleet fleet, SimulatedHost host) {
        return SimulatorConnections.arrivals(fleet, host);
    }

    private static List<RequestLogEntry> since(SimulatedFleet fleet, SimulatedHost host, int before) {
        List<RequestLogEntry> all = arrivals(fleet, host);
        return all.subList(before, all.size());
    }

    private static long asRequests() throws IOException {
        return Files.readAllLines(dir.resolve("kdc").resolve("kdc.log")).stream().filter(l -> l.contains("AS_REQ")).count();
    }

    private static void waitUntil(java.time.Instant when) {
        long millis = Duration.between(java.time.Instant.now(), when).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
