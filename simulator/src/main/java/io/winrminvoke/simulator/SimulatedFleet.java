package io.winrminvoke.simulator;

import io.winrminvoke.simulator.auth.kerberos.KerberosService;
import io.winrminvoke.simulator.scenario.HostBehaviour;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N simulated Windows hosts on loopback, each on its own port, all ports served by one small
 * event loop group ({@link FleetNetwork}); they share two bounded thread pools (one for requests,
 * one for running commands), one request log and fleet-wide counters.
 */
public final class SimulatedFleet implements AutoCloseable {
    /** Upper bound of threads serving requests at once (a waiting Receive holds one). */
    static final int MAX_REQUEST_THREADS = 4096;
    /** Upper bound of threads running commands (pipe pumps, scripted steps). */
    static final int MAX_COMMAND_THREADS = 4096;

    private final FleetConfig config;
    private final SimulatorClock clock;
    private final FleetTls tls;
    private final RequestLog requestLog;
    private final WireLog wireLog;
    private final KerberosService kerberos;
    private final Counters counters = new Counters(null);
    private final FleetNetwork network;
    private final ExecutorService requestThreads;
    private final ExecutorService commandThreads;
    private final List<SimulatedHost> hosts = new ArrayList<>();

    private SimulatedFleet(FleetConfig config) {
        this.config = config;
        this.clock = new SimulatorClock(config.clockScale());
        this.tls = config.https() ? FleetTls.generate(config.tlsMode()) : null;
        this.network = new FleetNetwork();
        this.requestThreads = pool("wsman-request", MAX_REQUEST_THREADS);
        this.commandThreads = pool("wsman-command", MAX_COMMAND_THREADS);
        this.requestLog = new RequestLog(config.requestLog());
        this.wireLog = config.wireLog() == null ? null : new WireLog(config.wireLog());
        this.kerberos = config.kerberosKeytab() == null ? null : KerberosService.fromKeytab(config.kerberosKeytab());
    }

    /** Starts every host; when this returns, every endpoint listens (or refuses, per scenario). */
    public static SimulatedFleet start(FleetConfig config) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < config.hosts(); i++) {
            names.add(SimulatedHost.nameOf(i));
        }
        config.scenario().validateFor(config.hosts(), names);
        SimulatedFleet fleet = new SimulatedFleet(config);
        try {
            for (int i = 0; i < config.hosts(); i++) {
                HostBehaviour behaviour = config.scenario().behaviourFor(i, names.get(i), config.latency());
                SimulatedHost host = new SimulatedHost(i, behaviour, config, fleet.tls, fleet.clock, fleet.requestLog,
                        fleet.wireLog, fleet.kerberos, fleet.counters, fleet.network, fleet.requestThreads, fleet.commandThreads);
                fleet.hosts.add(host);
                host.start();
            }
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    public List<SimulatedHost> hosts() {
        return List.copyOf(hosts);
    }

    public SimulatedHost host(int index) {
        return hosts.get(index);
    }

    public SimulatedHost host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no host named " + name));
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    /** Counters summed over all hosts. */
    public Counters counters() {
        return counters;
    }

    /** The generated certificates; only an HTTPS fleet has them. */
    public FleetTls tls() {
        if (tls == null) {
            throw new IllegalStateException("this fleet serves HTTP; build it with https(true) to get certificates");
        }
        return tls;
    }

    public SimulatorClock clock() {
        return clock;
    }

    public FleetConfig config() {
        return config;
    }

    /** One {@code 127.0.0.1:port} per host, in host order. */
    public List<String> inventory() {
        return hosts.stream().map(SimulatedHost::hostAndPort).toList();
    }

    /**
     * Closes every port, kills every command still running, stops the event loops (their threads
     * have finished when this returns), closes the request log.
     */
    @Override
    public void close() {
        for (SimulatedHost host : hosts) {
            host.close();
        }
        requestThreads.shutdownNow();
        commandThreads.shutdownNow();
        network.close();
        requestLog.close();
        if (wireLog != null) {
            wireLog.close();
        }
    }

    private static ExecutorService pool(String name, int max) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), 256 * 1024);
            t.setDaemon(true);
            return t;
        };
        // no queue: every task gets a thread at once (a waiting Receive must not block others); idle threads die
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, max, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
        return pool;
    }
}
