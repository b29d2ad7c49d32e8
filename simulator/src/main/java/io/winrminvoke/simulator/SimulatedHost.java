package io.winrminvoke.simulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
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

/**
 * One simulated Windows host: its own loopback port, its scenario behaviour, its shells. Closed
 * port = connection refused; a {@code hangConnection} host binds a socket it never accepts on, so
 * the kernel completes TCP handshakes and nobody ever answers.
 */
public final class SimulatedHost {
    /** Pending connections per port: small, 500 hosts share one process. */
    static final int BACKLOG = 32;
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    static {
        // Without TCP_NODELAY every small SOAP answer waits ~40 ms for the client's delayed ACK
        // (Nagle), which made each exchange 8x slower than Windows answers on loopback. The JDK
        // server reads this property once, when its configuration class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final int index;
    private final String name;
    private final HostBehaviour behaviour;
    private final boolean https;
    private final FleetTls tls;
    private final ExecutorService requestThreads;
    private final Counters counters;
    private final WinRsService service;
    private final HostEndpoint endpoint;

    private int port;
    private HttpServer server;
    /** In front of a plain-HTTP server: answers TLS (and other non-HTTP) bytes as HTTP.sys does. */
    private HttpSysFront front;
    private final boolean httpFront;
    private ServerSocketChannel silentSocket;
    /** A refusing host's port, bound and not listening (the kernel refuses), so no other host takes it. */
    private Socket reservation;

    SimulatedHost(int index, HostBehaviour behaviour, FleetConfig config, FleetTls tls, SimulatorClock clock,
                  RequestLog log, WireLog wireLog, KerberosService kerberos, Counters fleetCounters,
                  ExecutorService requestThreads, ExecutorService commandThreads) {
        this.index = index;
        this.name = nameOf(index);
        this.behaviour = behaviour;
        this.https = config.https();
        this.httpFront = !https && config.httpFront();
        this.tls = tls;
        this.requestThreads = requestThreads;
        this.counters = new Counters(fleetCounters);
        this.service = new WinRsService(name, behaviour, counters, clock, commandThreads, config.user());
        String password = behaviour.password() != null ? behaviour.password() : config.password();
        HostAuthenticator authenticator = new HostAuthenticator(behaviour.authSettings(config.auth()), name,
                config.user(), password, kerberos, config.kerberosRealm(),
                https ? ChannelBindings.forCertificate(tls.serverCertificate()) : null);
        this.endpoint = new HostEndpoint(this, behaviour, service, clock, log, wireLog, authenticator);
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
            try {
                reservation = reservePort(port);
            } catch (UncheckedIOException taken) {
                // someone else bound it at once; startListening will say so
            }
        }
    }

    private void closeListeners() {
        if (front != null) {
            front.close();
            front = null;
        }
        if (server != null) {
            server.stop(0);
            server = null;
            endpoint.connectionsClosed();
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
        if (server == null && silentSocket == null) {
            listen();
        }
    }

    public synchronized boolean listening() {
        return server != null || silentSocket != null;
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
            HttpSysFront f = httpFront ? new HttpSysFront(name, port, BACKLOG) : null;
            HttpServer s;
            try {
                if (https) {
                    // The JDK's TLS stack closes a connection that starts in plain HTTP, as Schannel does.
                    HttpsServer hs = HttpsServer.create(address, BACKLOG);
                    hs.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
                    s = hs;
                } else {
                    s = HttpServer.create(f != null ? new InetSocketAddress(LOOPBACK, 0) : address, BACKLOG);
                }
            } catch (IOException e) {
                if (f != null) {
                    f.close();
                }
                throw e;
            }
            s.setExecutor(requestThreads);
            s.createContext("/", endpoint);
            s.start();
            server = s;
            if (f == null) {
                port = s.getAddress().getPort();
            } else {
                f.relayTo(s.getAddress());
                front = f;
                port = f.port();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot listen on " + address, e);
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
