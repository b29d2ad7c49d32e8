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
                operationTimeout, 65001, tls, host.https() ? AuthSettings.of(AuthMethod.BASIC) : AuthSettings.unencryptedBasic());
    }

    /**
     * The host's requests in the order they arrived, once every request it received is logged.
     * The simulator logs a request after answering it, so the client can be done before the log
     * is; and a Receive the client abandoned is logged after later requests, but its arrival time
     * still places it correctly.
     */
    static List<RequestLogEntry> arrivals(SimulatedFleet fleet, SimulatedHost host) {
        long limit = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (fleet.requestLog().entriesFor(host).size() < host.counters().requests() && System.nanoTime() < limit) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
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
