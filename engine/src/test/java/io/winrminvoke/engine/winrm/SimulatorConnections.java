package io.winrminvoke.engine.winrm;

import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** Connection settings for simulated hosts, and views of the simulator's request log. */
final class SimulatorConnections {

    static final String USER = "admin";
    static final String PASSWORD = "s3cret";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private SimulatorConnections() {
    }

    static ConnectionSettings settings(SimulatedHost host, Duration operationTimeout) {
        return settings(host, operationTimeout, TlsSettings.verifying());
    }

    static ConnectionSettings settings(SimulatedHost host, Duration operationTimeout, TlsSettings tls) {
        return new ConnectionSettings(host.address(), host.port(), host.https(), USER, PASSWORD, CONNECT_TIMEOUT,
                operationTimeout, 65001, tls);
    }

    /**
     * The host's requests in the order they arrived. The log appends an entry when the answer is
     * sent, so a Receive the client abandoned may be appended after later requests; its arrival
     * time still places it correctly.
     */
    static List<RequestLogEntry> arrivals(SimulatedFleet fleet, SimulatedHost host) {
        return fleet.requestLog().entriesFor(host).stream()
                .sorted(Comparator.comparing(RequestLogEntry::time))
                .toList();
    }

    static List<RequestLogEntry> arrivalsForShell(SimulatedFleet fleet, SimulatedHost host, String shellId) {
        return arrivals(fleet, host).stream().filter(e -> shellId.equals(e.shellId())).toList();
    }

    static List<String> operations(List<RequestLogEntry> entries) {
        return entries.stream().map(RequestLogEntry::operation).toList();
    }
}
