package io.winrminvoke.simulator;

import io.winrminvoke.simulator.auth.HostAuthenticator;
import io.winrminvoke.simulator.auth.cbt.ChannelBindings;
import io.winrminvoke.simulator.auth.kerberos.KerberosService;
import io.winrminvoke.simulator.scenario.HostBehaviour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One simulated Windows host: its own loopback port, its scenario behaviour, its shells. The port
 * is served by the fleet's event loops ({@link HostListener}). Closed port = connection refused;
 * a {@code hangConnection} host binds a socket it never accepts on, so the kernel completes TCP
 * handshakes and nobody ever answers.
 */
public final class SimulatedHost {
    /** Pending connections per port: small, 500 hosts share one process. */
    static final int BACKLOG = 32;
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** How long stopListening waits for the closed port to be free to bind. */
    private static final long REBIND_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final int index;
    private final String name;
    private final HostBehaviour behaviour;
    private final boolean https;
    private final Counters counters;
    private final WinRsService service;
    private final HostListener listener;

    private int port;
    private ServerSocketChannel silentSocket;
    /** A refusing host's port, bound and not listening (the kernel refuses), so no other host takes it. */
    private Socket reservation;

    SimulatedHost(int index, HostBehaviour behaviour, FleetConfig config, FleetTls tls, SimulatorClock clock,
                  RequestLog log, WireLog wireLog, KerberosService kerberos, Counters fleetCounters,
                  FleetNetwork network, ExecutorService requestThreads, ExecutorService commandThreads) {
        this.index = index;
        this.name = nameOf(index);
        this.behaviour = behaviour;
        this.https = config.https();
        this.counters = new Counters(fleetCounters);
        this.service = new WinRsService(name, behaviour, counters, clock, commandThreads, config.user());
        String password = behaviour.password() != null ? behaviour.password() : config.password();
        HostAuthenticator authenticator = new HostAuthenticator(behaviour.authSettings(config.auth()), name,
                config.user(), password, kerberos, config.kerberosRealm(),
                https ? ChannelBindings.forCertificate(tls.serverCertificate()) : null);
        HostEndpoint endpoint = new HostEndpoint(this, behaviour, service, clock, log, wireLog, authenticator);
        this.listener = new HostListener(network, https ? tls.serverContext() : null, endpoint, requestThreads);
    }

    /** {@code host-000}, {@code host-001}, ... */
    public static String nameOf(int index) {
        return String.format("host-%03d", index);
    }

    synchronized void start() {
        if (behaviour.refuse()) {
            reservation = reservePort(0);
            port = reservation.getLocalPort();
        } else {
            listen();
        }
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public String address() {
        return LOOPBACK.getHostAddress();
    }

    public synchronized int port() {
        return port;
    }

    public boolean https() {
        return https;
    }

    /** {@code http(s)://127.0.0.1:port/wsman} */
    public URI endpoint() {
        return URI.create((https ? "https" : "http") + "://" + address() + ":" + port() + "/wsman");
    }

    /** {@code 127.0.0.1:port}, the line the launcher's inventory holds. */
    public String hostAndPort() {
        return address() + ":" + port();
    }

    public HostBehaviour behaviour() {
        return behaviour;
    }

    public Counters counters() {
        return counters;
    }

    Counters countersInternal() {
        return counters;
    }

    /**
     * Closes the port: new connections are refused and open ones are cut. Shells survive. The
     * port stays bound without listening until {@link #startListening}, so nothing else on the
     * machine is handed it meanwhile.
     */
    public synchronized void stopListening() {
        closeListeners();
        if (reservation == null && port != 0) {
            reservation = reserveClosedPort(port);
        }
    }

    /**
     * Binds the port just closed, once it can be bound: that is the proof it no longer listens.
     * A listening socket registered with a selector is closed by the JDK only when the event loop
     * next selects, after {@link HostListener#close} has returned; until then the kernel still
     * completes handshakes on it, and binding the port fails. Null when the port is still taken
     * after {@link #REBIND_WAIT_NANOS} (someone else bound it; startListening will say so).
     */
    private static Socket reserveClosedPort(int port) {
        long deadline = System.nanoTime() + REBIND_WAIT_NANOS;
        while (true) {
            try {
                return reservePort(port);
            } catch (UncheckedIOException taken) {
                if (System.nanoTime() - deadline > 0) {
                    return null;
                }
                LockSupport.parkNanos(50_000);
            }
        }
    }

    private void closeListeners() {
        if (listener.listening()) {
            // the connections close with the port, and their security contexts with them
            listener.close();
        }
        if (silentSocket != null) {
            try {
                silentSocket.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
            silentSocket = null;
        }
    }

    /** Listens again on the same port (also for a host whose scenario says {@code refuse}). */
    public synchronized void startListening() {
        if (!listener.listening() && silentSocket == null) {
            listen();
        }
    }

    public synchronized boolean listening() {
        return listener.listening() || silentSocket != null;
    }

    synchronized void close() {
        closeListeners();
        releaseReservation();
        service.closeAll();
    }

    private void listen() {
        releaseReservation();
        InetSocketAddress address = new InetSocketAddress(LOOPBACK, port);
        try {
            if (behaviour.hangConnection()) {
                ServerSocketChannel channel = ServerSocketChannel.open();
                channel.bind(address, BACKLOG);
                silentSocket = channel;
                port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot listen on " + address, e);
        }
        try {
            port = listener.listen(address, BACKLOG);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(name + ": cannot listen on " + address, e.getCause());
        }
    }

    /**
     * A port nothing listens on. It stays bound: a port merely found free and closed again could
     * be handed to the next host that binds port 0, and the refusing host would answer after all.
     */
    private static Socket reservePort(int port) {
        try {
            Socket reserved = new Socket();
            // the port just closed may still have connections in TIME_WAIT
            reserved.setReuseAddress(port != 0);
            reserved.bind(new InetSocketAddress(LOOPBACK, port));
            return reserved;
        } catch (IOException e) {
            throw new UncheckedIOException(port == 0 ? "cannot find a free loopback port"
                    : "cannot keep loopback port " + port + " while it does not listen", e);
        }
    }

    private void releaseReservation() {
        if (reservation != null) {
            try {
                reservation.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
            reservation = null;
        }
    }

    @Override
    public String toString() {
        return name + " (" + hostAndPort() + ")";
    }
}
