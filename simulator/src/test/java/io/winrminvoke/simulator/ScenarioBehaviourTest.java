package io.winrminvoke.simulator;

import io.winrminvoke.simulator.scenario.Scenario;
import io.winrminvoke.simulator.shell.SimulatedCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.winrminvoke.simulator.WsmanTestClient.SHELL_NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every per-host behaviour of the scenario format, on one fleet with a fast clock. */
class ScenarioBehaviourTest {
    private static final String SCENARIO = """
            {
              "hosts": {
                "0":  { "exitCode": 3, "steps": [ {"stdout": "hello\\n"}, {"sleep": "PT100S"}, {"stderr": "oops\\n"} ] },
                "1":  { "refuse": true },
                "2":  { "hangConnection": true },
                "3":  { "steps": [ {"stdout": "started\\n"}, {"hang": true}, {"stdout": "never"} ] },
                "4":  { "dropOnRequest": 3 },
                "5":  { "faultOnRequest": { "n": 2, "fault": "QuotaLimit" } },
                "6":  { "auth": "negotiate-only" },
                "7":  { "password": "different" },
                "8":  { "steps": [ {"stdoutRepeat": "xyz", "bytes": 1048576} ] },
                "9":  { "steps": [ {"stdoutBase64": "gYKBpA=="}, {"stderr": "\\u0000\\u0001\\u001b[0m"}, {"exit": 5}, {"stdout": "not reached"} ] },
                "10": { "maxShellsPerUser": 2, "maxConcurrentOperationsPerUser": 1 },
                "11": { "maxEnvelopeSizeKb": 32 },
                "12": { "latency": "PT20S" },
                "13": { "requireHttps": true },
                "14": { "maxTimeoutMs": 1000, "steps": [ {"hang": true} ] },
                "15": { "faultOnRequest": { "n": 1, "fault": "EncodingLimit" } },
                "17": { "steps": [ {"stderrBase64": "/w=="}, {"stderrRepeat": "ab", "bytes": 5}, {"stdout": "done"} ] }
              }
            }
            """;
    private static SimulatedFleet fleet;

    @BeforeAll
    static void start() {
        fleet = SimulatedFleet.start(FleetConfig.builder().hosts(18).user("admin").password("s3cret")
                .clockScale(0.01).scenario(Scenario.fromJson(SCENARIO)).build());
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    private static WsmanTestClient client(int host) {
        return new WsmanTestClient(fleet.host(host).endpoint(), "admin", "s3cret");
    }

    @Test
    void stepsWriteOutputOverTimeAndEndWithTheExitCode() {
        WsmanTestClient c = client(0);
        c.operationTimeout = "PT1S"; // 10 ms here, much shorter than the 1 s sleep step
        WsmanTestClient.Output out = c.run("anything");
        assertThat(out.stdoutText()).isEqualTo("hello\n");
        assertThat(out.stderrText()).isEqualTo("oops\n");
        assertThat(out.exitCode()).isEqualTo(3);
        assertThat(out.timeouts()).isPositive();
    }

    @Test
    void refusedHostRefusesConnections() {
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", fleet.host(1).port()), 2000))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void hangingHostAcceptsTcpButNeverAnswers() throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", fleet.host(2).port()), 2000);
            s.getOutputStream().write("POST /wsman HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(300);
            InputStream in = s.getInputStream();
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void hangStepLastsUntilSignalled() {
        WsmanTestClient c = client(3);
        c.operationTimeout = "PT1S";
        String shell = c.openShell();
        String cmd = c.startCommand(shell, "x");
        WsmanTestClient.Response first = c.receive(shell, cmd);
        assertThat(first.text()).contains("CommandState/Running");
        for (int i = 0; i < 3; i++) {
            assertThat(c.receive(shell, cmd).faultSubcode()).isEqualTo("w:TimedOut");
        }
        c.signal(shell, cmd, "ctrl_c");
        WsmanTestClient.Output out = c.receiveAll(shell, cmd);
        assertThat(out.exitCode()).isEqualTo(SimulatedCommand.CONTROL_C_EXIT);
        assertThat(out.stdoutText()).doesNotContain("never");
        c.signal(shell, cmd, "terminate");
        c.delete(shell);
    }

    @Test
    void dropOnRequestCutsTheNthResponse() {
        WsmanTestClient c = client(4);
        String shell = c.openShell();                       // request 1
        String cmd = c.startCommand(shell, "echo hi");      // request 2
        assertThatThrownBy(() -> c.receive(shell, cmd))     // request 3: dropped
                .isInstanceOf(UncheckedIOException.class);
        assertThat(fleet.requestLog().entriesFor(fleet.host(4))).last()
                .satisfies(e -> assertThat(e.httpStatus()).isZero());
        assertThat(c.delete(shell).status()).isEqualTo(200); // request 4: fine again
    }

    @Test
    void faultOnRequestAnswersTheNthRequestWithTheFault() {
        WsmanTestClient c = client(5);
        String shell = c.openShell();
        WsmanTestClient.Response second = c.command(shell, "echo hi");
        assertThat(second.status()).isEqualTo(500);
        assertThat(second.faultSubcode()).isEqualTo("w:QuotaLimit");
        assertThat(second.wsmanFaultCode()).isEqualTo("2150859173");
        assertThat(second.relatesTo()).isEqualTo(second.messageId());
        assertThat(c.command(shell, "echo hi").status()).isEqualTo(200);
        assertThat(fleet.requestLog().entriesFor(fleet.host(5))).extracting(RequestLogEntry::fault)
                .containsExactly(null, "w:QuotaLimit", null);
        c.delete(shell);

        WsmanTestClient.Response encoding = client(15).create();
        assertThat(encoding.faultSubcode()).isEqualTo("w:EncodingLimit");
        assertThat(encoding.wsmanFaultCode()).isEqualTo("2150858805");
    }

    @Test
    void negotiateOnlyHostRefusesBasicAndOffersOnlyNegotiate() {
        WsmanTestClient.Response r = client(6).create();
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.raw().body()).isEmpty();
        assertThat(r.raw().headers().allValues("WWW-Authenticate")).containsExactly("Negotiate");
    }

    @Test
    void hostWithItsOwnPasswordAcceptsOnlyThatOne() {
        assertThat(client(7).create().status()).isEqualTo(401);
        WsmanTestClient own = new WsmanTestClient(fleet.host(7).endpoint(), "admin", "different");
        assertThat(own.delete(own.openShell()).status()).isEqualTo(200);
    }

    @Test
    void hugeOutputArrivesCompleteOverManyReceives() {
        WsmanTestClient.Output out = client(8).run("x");
        assertThat(out.stdout()).hasSize(1048576);
        byte[] expected = new byte[1048576];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) "xyz".charAt(i % 3);
        }
        assertThat(Arrays.equals(out.stdout(), expected)).isTrue();
        assertThat(out.receives()).isGreaterThan(5);
    }

    @Test
    void invalidUtf8AndXmlIllegalControlCharactersPassAsBytes() {
        WsmanTestClient.Output out = client(9).run("x");
        assertThat(out.stdout()).containsExactly(0x81, 0x82, 0x81, 0xA4);
        assertThat(out.stderr()).containsExactly(0, 1, 0x1b, '[', '0', 'm');
        assertThat(out.exitCode()).isEqualTo(5);
    }

    @Test
    void shellAndOperationQuotasGiveQuotaLimitFaults() {
        WsmanTestClient c = client(10);
        String a = c.openShell();
        String b = c.openShell();
        WsmanTestClient.Response third = c.create();
        assertThat(third.faultSubcode()).isEqualTo("w:QuotaLimit");
        assertThat(third.wsmanFaultCode()).isEqualTo("2150859173");
        assertThat(third.text()).contains("maximum number of 2 concurrent shells");

        String cmd = c.startCommand(a, "sleep 5");
        WsmanTestClient.Response second = c.command(b, "echo hi");
        assertThat(second.faultSubcode()).isEqualTo("w:QuotaLimit");
        assertThat(second.wsmanFaultCode()).isEqualTo("2150859174");
        c.signal(a, cmd, "terminate");
        assertThat(c.command(b, "echo hi").status()).isEqualTo(200);
        c.delete(a);
        c.delete(b);
        assertThat(c.create().status()).isEqualTo(200);
    }

    @Test
    void envelopesLargerThanTheHostAllowsOrTooSmallGiveEncodingLimit() {
        WsmanTestClient c = client(11);
        String shell = c.openShell();
        String cmd = c.startCommand(shell, "cat >/dev/null");
        WsmanTestClient.Response tooBig = c.send(shell, cmd, new byte[40 * 1024], false);
        assertThat(tooBig.status()).isEqualTo(500);
        assertThat(tooBig.faultSubcode()).isEqualTo("w:EncodingLimit");
        assertThat(tooBig.wsmanFaultCode()).isEqualTo("2150858805");

        c.maxEnvelopeSize = 4096;
        assertThat(c.create().faultSubcode()).isEqualTo("w:EncodingLimit");
        c.maxEnvelopeSize = 153600;
        c.delete(shell);
    }

    @Test
    void latencyDelaysEveryRequest() {
        // PT20S at scale 0.01 = 200 ms; only a lower bound, which load cannot break
        WsmanTestClient c = client(12);
        long start = System.nanoTime();
        String shell = c.openShell();
        c.delete(shell);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
    }

    @Test
    void requireHttpsRefusesBasicOverPlainHttp() {
        WsmanTestClient.Response r = client(13).create();
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.raw().headers().allValues("WWW-Authenticate")).containsExactly("Negotiate");
    }

    @Test
    void operationTimeoutIsCappedByMaxTimeoutMs() {
        // the client asks for 100 minutes (60 s here); the host's MaxTimeoutms (1 s = 10 ms here) wins
        WsmanTestClient c = client(14);
        c.operationTimeout = "PT6000S";
        String shell = c.openShell();
        String cmd = c.startCommand(shell, "x");
        long start = System.nanoTime();
        assertThat(c.receive(shell, cmd).faultSubcode()).isEqualTo("w:TimedOut");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
        c.delete(shell);
    }

    @Test
    void stopAndStartListeningRefusesThenServesOnTheSamePort() {
        SimulatedHost host = fleet.host(16);
        int port = host.port();
        // Many rounds: a port that still accepted for a moment after stopListening returned (the
        // front's accept thread had not left accept()) was caught about once in a hundred.
        for (int round = 0; round < 500; round++) {
            host.stopListening();
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                }
            }).isInstanceOf(ConnectException.class);
            host.startListening();
            assertThat(host.port()).isEqualTo(port);
        }
        WsmanTestClient c = client(16);
        assertThat(c.run("echo back").stdoutText()).isEqualTo("back\n");
    }

    @Test
    void receiveResponsesCarryRunningStateUntilDone() {
        WsmanTestClient.Output out = client(0).run("x");
        assertThat(out.responses().stream().filter(r -> r.status() == 200).map(WsmanTestClient.Response::text))
                .anySatisfy(t -> assertThat(t).contains(SHELL_NS + "/CommandState/Running"));
    }

    @Test
    void stderrStepsWriteExactBytes() {
        WsmanTestClient.Output out = client(17).run("x");
        assertThat(out.stderr()).containsExactly(0xFF, 'a', 'b', 'a', 'b', 'a');
        assertThat(out.stdoutText()).isEqualTo("done");
        assertThat(out.exitCode()).isZero();
    }
}
