package io.winrminvoke.engine.winrm;

import static io.winrminvoke.engine.winrm.SimulatorConnections.arrivals;
import static io.winrminvoke.engine.winrm.SimulatorConnections.operations;
import static io.winrminvoke.engine.winrm.SimulatorConnections.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.winrm.session.ShellClient;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import io.winrminvoke.simulator.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Commands run to completion against the simulator (scaled clock: 1 simulated second = 10 ms). */
class RemoteCommandTest {

    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(2);
    private static final String KONNICHIWA = "こんにちは";

    private static SimulatedFleet fleet;

    @BeforeAll
    static void startFleet() {
        fleet = SimulatedFleet.start(FleetConfig.builder()
                .hosts(6).user(SimulatorConnections.USER).password(SimulatorConnections.PASSWORD)
                .clockScale(0.01)
                .scenario(Scenario.fromJson("""
                        {"hosts": {
                          "1": {"steps": [{"stdout": "before\\n"}, {"sleep": "PT100S"}, {"stdout": "after\\n"}]},
                          "2": {"steps": [{"stdoutBase64": "44GT44KT44Gr44Gh44GvCg=="}]},
                          "3": {"steps": [{"stdoutRepeat": "0123456789", "bytes": 1048576}]},
                          "4": {"exitCode": 7, "steps": [{"stderr": "oops\\n"}]}
                        }}"""))
                .build());
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    private static int run(SimulatedHost host, String command, CollectingSink sink) throws WinRmException {
        try (WinRsClient client = WinRsClients.connect(settings(host, OPERATION_TIMEOUT));
             RemoteCommand remote = client.start(command, List.of(), false)) {
            return remote.awaitExit(sink, null);
        }
    }

    @Test
    void echoPrintsItsArgumentAndExitsZero() throws Exception {
        CollectingSink sink = new CollectingSink();

        int exitCode = run(fleet.host(0), "echo hello", sink);

        assertThat(exitCode).isZero();
        assertThat(sink.stdoutText()).isEqualTo("hello\n");
    }

    @Test
    void argumentsFollowTheCommand() throws Exception {
        CollectingSink sink = new CollectingSink();
        try (WinRsClient client = WinRsClients.connect(settings(fleet.host(0), OPERATION_TIMEOUT));
             RemoteCommand remote = client.start("echo", List.of("first", "second"), false)) {
            assertThat(remote.awaitExit(sink, null)).isZero();
        }

        assertThat(sink.stdoutText()).isEqualTo("first second\n");
    }

    @Test
    void nonZeroExitCodeAndStderrComeBack() throws Exception {
        CollectingSink sink = new CollectingSink();

        int exitCode = run(fleet.host(0), "echo bad >&2; exit 3", sink);

        assertThat(exitCode).isEqualTo(3);
        assertThat(sink.stderrText()).isEqualTo("bad\n");
        assertThat(sink.stdoutText()).isEmpty();
    }

    @Test
    void scriptedExitCodeAndStderrComeBack() throws Exception {
        CollectingSink sink = new CollectingSink();

        assertThat(run(fleet.host(4), "anything", sink)).isEqualTo(7);
        assertThat(sink.stderrText()).isEqualTo("oops\n");
    }

    @Test
    void stdinReachesTheCommandAndComesBackThroughCat() throws Exception {
        byte[] input = ("first line\n" + KONNICHIWA + "\nlast line without newline").getBytes(StandardCharsets.UTF_8);
        CollectingSink sink = new CollectingSink();
        int exitCode;
        try (WinRsClient client = WinRsClients.connect(settings(fleet.host(0), OPERATION_TIMEOUT));
             RemoteCommand remote = client.start("cat", List.of(), false)) {
            remote.writeStdin(input, true);
            exitCode = remote.awaitExit(sink, null);
        }

        assertThat(exitCode).isZero();
        assertThat(sink.stdoutBytes()).isEqualTo(input);
    }

    @Test
    void stdinLargerThanOneEnvelopeIsSentInChunksWithEndOnlyOnTheLast() throws Exception {
        SimulatedHost host = fleet.host(0);
        byte[] input = new byte[300_000];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) ('a' + i % 26);
        }
        long sendsBefore = sends(host);
        CollectingSink sink = new CollectingSink();
        try (WinRsClient client = WinRsClients.connect(settings(host, OPERATION_TIMEOUT));
             RemoteCommand remote = client.start("cat", List.of(), false)) {
            remote.writeStdin(input, true);
            assertThat(remote.awaitExit(sink, null)).isZero();
        }

        assertThat(sink.stdoutBytes()).isEqualTo(input);
        assertThat(sends(host) - sendsBefore).isEqualTo(4); // 300 000 bytes in 96 KiB pieces
    }

    private static long sends(SimulatedHost host) {
        return arrivals(fleet, host).stream().filter(e -> e.operation().equals(RequestLogEntry.SEND)).count();
    }

    @Test
    void japaneseOutputBytesArriveIntact() throws Exception {
        CollectingSink scripted = new CollectingSink();
        CollectingSink echoed = new CollectingSink();

        run(fleet.host(2), "type greeting.txt", scripted);
        run(fleet.host(0), "echo " + KONNICHIWA, echoed);

        assertThat(scripted.stdoutBytes()).isEqualTo((KONNICHIWA + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(echoed.stdoutBytes()).isEqualTo((KONNICHIWA + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void silentCommandLongerThanOperationTimeoutSucceeds() throws Exception {
        SimulatedHost host = fleet.host(1);
        CollectingSink sink = new CollectingSink();

        int exitCode = run(host, "deploy.cmd", sink);

        assertThat(exitCode).isZero();
        assertThat(sink.stdoutText()).isEqualTo("before\nafter\n");
        List<RequestLogEntry> receives = arrivals(fleet, host).stream()
                .filter(e -> e.operation().equals(RequestLogEntry.RECEIVE)).toList();
        // 100 s of silence (1 s real) against a 2 s OperationTimeout (20 ms real): the host said
        // TimedOut again and again and each time the client asked again, until output and exit came.
        assertThat(receives).filteredOn(e -> e.fault() != null && e.fault().contains("TimedOut")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(receives.get(receives.size() - 1).fault()).isNull();
        assertThat(receives.get(receives.size() - 1).httpStatus()).isEqualTo(200);
    }

    @Test
    void largeOutputArrivesCompletelyOverManyReceives() throws Exception {
        SimulatedHost host = fleet.host(3);
        CollectingSink sink = new CollectingSink();

        run(host, "big-report.cmd", sink);

        byte[] out = sink.stdoutBytes();
        assertThat(out).hasSize(1048576);
        for (int i = 0; i < out.length; i += 4099) {
            assertThat(out[i]).isEqualTo((byte) ('0' + i % 10));
        }
        assertThat(arrivals(fleet, host)).filteredOn(e -> e.operation().equals(RequestLogEntry.RECEIVE))
                .hasSizeGreaterThan(1);
    }

    @Test
    void everyCommandEndsWithSignalTerminateThenDeleteAndNothingAfter() throws Exception {
        SimulatedHost host = fleet.host(5);

        run(host, "echo done", new CollectingSink());

        List<RequestLogEntry> entries = arrivals(fleet, host);
        List<String> operations = operations(entries);
        assertThat(operations.get(0)).isEqualTo(RequestLogEntry.CREATE);
        assertThat(operations.get(1)).isEqualTo(RequestLogEntry.COMMAND);
        assertThat(operations.subList(operations.size() - 2, operations.size()))
                .containsExactly(RequestLogEntry.SIGNAL, RequestLogEntry.DELETE);
        assertThat(entries.get(entries.size() - 2).signalCode()).endsWith("/signal/terminate");
        assertThat(fleet.host(5).counters().openShells()).isZero();
    }

    @Test
    void basicCredentialsGoWithTheFirstRequestSoNoRequestIsAnswered401() throws Exception {
        SimulatedHost host = fleet.host(5);
        long before = fleet.requestLog().entriesFor(host).size();

        run(host, "echo up-front", new CollectingSink());

        List<RequestLogEntry> entries = arrivals(fleet, host);
        assertThat(entries.subList((int) before, entries.size()))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.httpStatus()).isNotEqualTo(401));
    }

    @Test
    void oneClientReusesItsKeepAliveConnectionAcrossCommands() throws Exception {
        try (WinRsClient client = WinRsClients.connect(settings(fleet.host(0), OPERATION_TIMEOUT))) {
            for (int i = 0; i < 3; i++) {
                try (RemoteCommand remote = client.start("echo " + i, List.of(), false)) {
                    assertThat(remote.awaitExit(new CollectingSink(), null)).isZero();
                }
            }
            // 3 commands = at least 15 requests (Create, Command, Receive, Signal, Delete each)
            assertThat(((ShellClient) client).connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void deadlineFarAwayDoesNotDisturbANormalCommand() throws Exception {
        CollectingSink sink = new CollectingSink();
        try (WinRsClient client = WinRsClients.connect(settings(fleet.host(0), OPERATION_TIMEOUT));
             RemoteCommand remote = client.start("echo in-time", List.of(), false)) {
            assertThat(remote.awaitExit(sink, Instant.now().plusSeconds(60))).isZero();
        }
        assertThat(sink.stdoutText()).isEqualTo("in-time\n");
    }
}
