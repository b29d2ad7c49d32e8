package io.winrminvoke.engine.winrm;

import io.winrminvoke.engine.winrm.session.ShellClient;
import io.winrminvoke.engine.winrm.transport.TlsStrategies;
import io.winrminvoke.engine.winrm.transport.WsmanTransports;

/**
 * Creates WinRS clients. The only entry point to the client implementation. An instance from
 * {@link #forRun()} opens the clients of one run: they share its Kerberos logins, so the KDC sees
 * one login per identity (and a wrong password one failure), not one per host.
 */
public final class WinRsClients {

    private final WsmanTransports transports = new WsmanTransports();

    private WinRsClients() {
    }

    /** Clients for one run; drop the instance when the run ends, and its logins go with it. */
    public static WinRsClients forRun() {
        return new WinRsClients();
    }

    /**
     * A client for the host in {@code settings}, sharing this run's Kerberos logins.
     *
     * @throws IllegalArgumentException when a setting is unusable; the message names it
     */
    public WinRsClient open(ConnectionSettings settings) {
        return new ShellClient(settings, transports);
    }

    /**
     * A client for the host in {@code settings} (HTTP or HTTPS, authenticated as
     * {@code settings.auth()} says, keep-alive connections). Contacts nobody yet; the first
     * {@code start} does.
     *
     * @throws IllegalArgumentException when a setting is unusable (port, timeouts, codepage, an
     *                                  unreadable trusted CA file, an auth combination); the message names it
     */
    public static WinRsClient connect(ConnectionSettings settings) {
        return forRun().open(settings);
    }

    /**
     * Checks TLS settings before any host is contacted: the trusted CA file exists and holds
     * PEM certificates.
     *
     * @throws IllegalArgumentException naming the file and the problem
     */
    public static void validate(TlsSettings tls) {
        TlsStrategies.validate(tls);
    }
}
