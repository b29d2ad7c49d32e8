package io.winrminvoke.engine.winrm;

import static io.winrminvoke.engine.winrm.SimulatorConnections.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import io.winrminvoke.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each way a host can fail maps to its own FailureKind, with commandStarted telling the truth. */
class FailureKindTest {

    /** Short, so the no-answer host fails fast: read timeout = 1 s + 2 s margin. */
    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(1);

    private static SimulatedFleet fleet;

    @BeforeAll
    static void startFleet() {
        fleet = SimulatedFleet.start(FleetConfig.builder()
                .hosts(10).user(SimulatorConnections.USER).password(SimulatorConnections.PASSWORD)
                .clockScale(0.01)
                .scenario(Scenario.fromJson("""
                        {"hosts": {
                          "0": {"auth": "negotiate-only"},
                          "1": {"password": "different"},
                          "2": {"refuse": true},
                          "3": {"hangConnection": true},
                          "4": {"dropOnRequest": 1},
                          "5": {"dropOnRequest": 2},
                          "6": {"faultOnRequest": {"n": 1, "fault": "QuotaLimit"}},
                          "7": {"faultOnRequest": {"n": 2, "fault": "QuotaLimitOperations"}},
                          "8": {"faultOnRequest": {"n": 3, "fault": "InternalError"}, "steps": [{"hang": true}]}
                        }}"""))
                .build());
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    private static WinRmException failureOf(SimulatedHost host) {
        return failureOf(settings(host, OPERATION_TIMEOUT));
    }

    private static WinRmException failureOf(ConnectionSettings settings) {
        return catchThrowableOfType(WinRmException.class, () -> {
            try (WinRsClient client = WinRsClients.connect(settings);
                 RemoteCommand remote = client.start("echo hi", List.of(), false)) {
                remote.awaitExit(new CollectingSink(), Instant.now().plusSeconds(30));
            }
        });
    }

    @Test
    void hostOfferingOnlyNegotiateIsAuthFailedNamingWhatItOffered() {
        WinRmException e = failureOf(fleet.host(0));

        assertThat(e.kind()).isEqualTo(FailureKind.AUTH_FAILED);
        assertThat(e.commandStarted()).isFalse();
        assertThat(e.getMessage()).contains("host offered Negotiate").doesNotContain("Negotiate, Basic")
                .contains("does not accept Basic").contains("use HTTPS");
    }

    @Test
    void wrongPasswordIsAuthFailedNamingBothOfferedSchemes() {
        WinRmException e = failureOf(fleet.host(1));

        assertThat(e.kind()).isEqualTo(FailureKind.AUTH_FAILED);
        assertThat(e.getMessage()).contains("host offered Negotiate, Basic").contains("'admin'")
                .doesNotContain(SimulatorConnections.PASSWORD).doesNotContain("use HTTPS");
    }

    @Test
    void closedPortIsConnectionRefused() {
        WinRmException e = failureOf(fleet.host(2));

        assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION_REFUSED);
        assertThat(e.commandStarted()).isFalse();
    }

    @Test
    void hostThatNeverAnswersIsNoResponseWithinTheReadTimeout() {
        Instant before = Instant.now();

        WinRmException e = failureOf(fleet.host(3));

        assertThat(e.kind()).isEqualTo(FailureKind.NO_RESPONSE);
        assertThat(e.commandStarted()).isFalse();
        // read timeout 3 s, then one bounded clean-up attempt at most; far below "forever"
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void connectionDroppedDuringCreateIsDroppedBeforeTheCommandStarted() {
        WinRmException e = failureOf(fleet.host(4));

        assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION_DROPPED);
        assertThat(e.commandStarted()).isFalse();
    }

    @Test
    void connectionDroppedDuringCommandMayHaveStartedIt() {
        WinRmException e = failureOf(fleet.host(5));

        assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION_DROPPED);
        assertThat(e.commandStarted()).isTrue();
    }

    @Test
    void quotaFaultOnCreateIsQuotaExceeded() {
        WinRmException e = failureOf(fleet.host(6));

        assertThat(e.kind()).isEqualTo(FailureKind.QUOTA_EXCEEDED);
        assertThat(e.commandStarted()).isFalse();
    }

    @Test
    void quotaFaultOnCommandIsQuotaExceededAndTheCommandDidNotStart() {
        SimulatedHost host = fleet.host(7);

        WinRmException e = failureOf(host);

        assertThat(e.kind()).isEqualTo(FailureKind.QUOTA_EXCEEDED);
        assertThat(e.commandStarted()).isFalse();
        // the shell created for it is not left behind
        assertThat(SimulatorConnections.operations(SimulatorConnections.arrivals(fleet, host)))
                .containsExactly(RequestLogEntry.CREATE, RequestLogEntry.COMMAND, RequestLogEntry.DELETE);
    }

    @Test
    void otherFaultIsProtocolErrorWithTheFaultsReasonAndCode() {
        SimulatedHost host = fleet.host(8);

        WinRmException e = failureOf(host);

        assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL_ERROR);
        assertThat(e.commandStarted()).isTrue();
        assertThat(e.getMessage()).startsWith("Receive failed: WS-Management fault InternalError")
                .containsPattern("WSManFault code \\d+");
        List<String> operations = SimulatorConnections.operations(SimulatorConnections.arrivals(fleet, host));
        assertThat(operations.subList(operations.size() - 2, operations.size()))
                .containsExactly(RequestLogEntry.SIGNAL, RequestLogEntry.DELETE);
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        ConnectionSettings badPort = new ConnectionSettings("127.0.0.1", 70000, false, "admin", "pw",
                Duration.ofSeconds(1), Duration.ofSeconds(1), 65001, null, null);

        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> WinRsClients.connect(badPort)))
                .hasMessageContaining("port: 70000");
    }
}
