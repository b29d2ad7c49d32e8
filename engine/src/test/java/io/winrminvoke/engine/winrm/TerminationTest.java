package io.winrminvoke.engine.winrm;

import static io.winrminvoke.engine.winrm.SimulatorConnections.arrivalsForShell;
import static io.winrminvoke.engine.winrm.SimulatorConnections.operations;
import static io.winrminvoke.engine.winrm.SimulatorConnections.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import io.winrminvoke.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stopping a command that hangs: terminate from another thread, the command deadline, closing
 * the client. The simulator runs in real time here and the OperationTimeout is long, so a Receive
 * is really held open when the stop comes: only aborting it makes the stop quick.
 */
class TerminationTest {

    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(30);
    /** Generous against load; a stop that waited for the held Receive would take 30 s. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(5);

    private static SimulatedFleet fleet;

    @BeforeAll
    static void startFleet() {
        fleet = SimulatedFleet.start(FleetConfig.builder()
                .hosts(8).user(SimulatorConnections.USER).password(SimulatorConnections.PASSWORD)
                .scenario(Scenario.fromJson("""
                        {"hosts": {"0-3": {"steps": [{"stdout": "working\\n"}, {"hang": true}]},
                                   "4": {"latency": "PT30S"},
                                   "5": {"latency": "PT1S"},
                                   "6": {"steps": [{"hang": true}]},
                                   "7": {"steps": [{"hang": true}],
                                         "faultOnRequest": {"n": 4, "fault": "InternalError"}}}}"""))
                .build());
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    @Test
    void terminateFromAnotherThreadAbortsTheReceiveThenSignalsAndDeletes() throws Exception {
        SimulatedHost host = fleet.host(0);
        try (WinRsClient client = WinRsClients.connect(settings(host, OPERATION_TIMEOUT))) {
            RemoteCommand remote = client.start("deploy.cmd", List.of(), false);
            CollectingSink sink = new CollectingSink();
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> awaitExit(remote, sink, null));
            assertThat(sink.firstOutput.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200); // the next Receive is now held open by the host

            Instant before = Instant.now();
            remote.terminate();
            Duration took = Duration.between(before, Instant.now());

            assertThat(took).isLessThan(STOP_BOUND);
            assertThatThrownBy(() -> exit.get(STOP_BOUND.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(WinRmException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED);
                        assertThat(e.commandStarted()).isTrue();
                    });
            remote.terminate(); // idempotent, never throws
            remote.close();
        }
        assertEndsWithSignalTerminateThenDelete(host);
        assertThat(host.counters().openShells()).isZero();
    }

    @Test
    void deadlinePassingTerminatesTheCommandWithCommandTimeout() throws Exception {
        SimulatedHost host = fleet.host(1);
        try (WinRsClient client = WinRsClients.connect(settings(host, OPERATION_TIMEOUT));
             RemoteCommand remote = client.start("deploy.cmd", List.of(), false)) {
            Instant before = Instant.now();

            assertThatThrownBy(() -> remote.awaitExit(new CollectingSink(), before.plusSeconds(1)))
                    .isInstanceOfSatisfying(WinRmException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.COMMAND_TIMEOUT);
                        assertThat(e.commandStarted()).isTrue();
                    });
            assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(1).plus(STOP_BOUND));
        }
        assertEndsWithSignalTerminateThenDelete(host);
        assertThat(host.counters().openShells()).isZero();
    }

    @Test
    void closingTheClientTerminatesItsRunningCommand() throws Exception {
        SimulatedHost host = fleet.host(2);
        WinRsClient client = WinRsClients.connect(settings(host, OPERATION_TIMEOUT));
        RemoteCommand remote = client.start("deploy.cmd", List.of(), false);
        CollectingSink sink = new CollectingSink();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> awaitExit(remote, sink, null));
        assertThat(sink.firstOutput.await(10, TimeUnit.SECONDS)).isTrue();

        client.close();

        assertThatThrownBy(() -> exit.get(STOP_BOUND.toSeconds(), TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(WinRmException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED));
        assertEndsWithSignalTerminateThenDelete(host);
    }

    @Test
    void awaitExitAfterTerminateIsCancelledAndSendsNothing() throws Exception {
        SimulatedHost host = fleet.host(3);
        try (WinRsClient client = WinRsClients.connect(settings(host, OPERATION_TIMEOUT));
             RemoteCommand remote = client.start("deploy.cmd", List.of(), false)) {
            remote.terminate();

            assertThatThrownBy(() -> remote.awaitExit(new CollectingSink(), null))
                    .isInstanceOfSatisfying(WinRmException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED));
            assertThatThrownBy(() -> remote.writeStdin(new byte[] {1}, true))
                    .isInstanceOfSatisfying(WinRmException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED));
        }
        assertThat(operations(SimulatorConnections.arrivals(fleet, host))).containsExactly(RequestLogEntry.CREATE,
                RequestLogEntry.COMMAND, RequestLogEntry.SIGNAL, RequestLogEntry.DELETE);
    }

    @Test
    void closingTheClientAbortsAStartWaitingForTheHost() throws Exception {
        WinRsClient client = WinRsClients.connect(settings(fleet.host(4), OPERATION_TIMEOUT));
        CompletableFuture<RemoteCommand> start = CompletableFuture.supplyAsync(() -> {
            try {
                return client.start("deploy.cmd", List.of(), false);
            } catch (WinRmException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Thread.sleep(300); // Create is on its way; the host answers only after 30 s

        client.close();

        // far below the host's 30 s: the waiting Create was aborted, not waited for
        assertThatThrownBy(() -> start.get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(WinRmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED);
                    assertThat(e.commandStarted()).isFalse();
                });
    }

    @Test
    void closingWhileACreateIsAboutToBeAnsweredDeletesTheShellItMade() throws Exception {
        SimulatedHost host = fleet.host(5);
        WinRsClient client = WinRsClients.connect(settings(host, OPERATION_TIMEOUT));
        CompletableFuture<RemoteCommand> start = CompletableFuture.supplyAsync(() -> {
            try {
                return client.start("deploy.cmd", List.of(), false);
            } catch (WinRmException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Thread.sleep(300); // Create is on its way; the host makes the shell and answers after 1 s

        client.close();

        assertThatThrownBy(() -> start.get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(WinRmException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED));
        Thread.sleep(300); // anything sent late would have arrived by now
        assertThat(operations(SimulatorConnections.arrivals(fleet, host)))
                .containsExactly(RequestLogEntry.CREATE, RequestLogEntry.DELETE);
        assertThat(host.counters().openShells()).isZero();
    }

    @Test
    void aStopTheHostNeverAnsweredSaysTheCommandMayStillRun() throws Exception {
        SimulatedHost host = fleet.host(6);
        try (WinRsClient client = WinRsClients.connect(settings(host, OPERATION_TIMEOUT));
             RemoteCommand remote = client.start("deploy.cmd", List.of(), false)) {
            host.stopListening(); // WinRM gone after the command started: Signal and Delete cannot land
            try {
                assertTerminateIsNotConfirmed(remote);
            } finally {
                host.startListening();
            }
        }
        assertThat(host.counters().openShells()).isEqualTo(1); // the simulated command really is still there
    }

    @Test
    void aDeleteTheHostAnsweredWithAFaultDoesNotConfirmTheStop() throws Exception {
        SimulatedHost host = fleet.host(7);
        try (WinRsClient client = WinRsClients.connect(settings(host, OPERATION_TIMEOUT));
             RemoteCommand remote = client.start("deploy.cmd", List.of(), false)) {
            // Create = 1, Command = 2, Signal = 3, Delete = 4: the host refuses the Delete with a fault
            assertTerminateIsNotConfirmed(remote);
        }
        assertThat(operations(SimulatorConnections.arrivals(fleet, host))).containsExactly(RequestLogEntry.CREATE,
                RequestLogEntry.COMMAND, RequestLogEntry.SIGNAL, RequestLogEntry.DELETE);
        assertThat(host.counters().openShells()).isEqualTo(1); // the faulted Delete deleted nothing
    }

    /** terminate(), then the command ends CANCELLED saying the host may still be running it. */
    private static void assertTerminateIsNotConfirmed(RemoteCommand remote) {
        remote.terminate();
        assertThatThrownBy(() -> remote.awaitExit(new CollectingSink(), null))
                .isInstanceOfSatisfying(WinRmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.CANCELLED);
                    assertThat(e.getMessage()).contains("did not confirm the terminate").contains("may still be running");
                });
    }

    private static int awaitExit(RemoteCommand remote, OutputSink sink, Instant deadline) {
        try {
            return remote.awaitExit(sink, deadline);
        } catch (WinRmException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    /** Signal terminate, then Delete, and no request for the shell after the Delete. */
    private static void assertEndsWithSignalTerminateThenDelete(SimulatedHost host) throws InterruptedException {
        Thread.sleep(300); // anything sent late would have arrived by now
        List<RequestLogEntry> all = SimulatorConnections.arrivals(fleet, host);
        String shellId = all.get(0).shellId();
        List<RequestLogEntry> entries = arrivalsForShell(fleet, host, shellId);
        List<String> operations = operations(entries);
        assertThat(operations).containsSubsequence(RequestLogEntry.CREATE, RequestLogEntry.COMMAND,
                RequestLogEntry.RECEIVE, RequestLogEntry.SIGNAL, RequestLogEntry.DELETE);
        assertThat(operations.get(operations.size() - 1)).isEqualTo(RequestLogEntry.DELETE);
        assertThat(operations).containsOnlyOnce(RequestLogEntry.DELETE);
        int signal = operations.lastIndexOf(RequestLogEntry.SIGNAL);
        assertThat(entries.get(signal).signalCode()).endsWith("/signal/terminate");
        // Between the Signal and the Delete only the Receive that was already on its way when the
        // stop began may show up (it travels on another connection, so it can arrive late).
        assertThat(operations.subList(signal + 1, operations.size() - 1))
                .hasSizeLessThanOrEqualTo(1).allMatch(RequestLogEntry.RECEIVE::equals);
    }
}
