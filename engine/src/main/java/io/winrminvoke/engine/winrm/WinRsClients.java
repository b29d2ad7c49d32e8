package io.winrminvoke.engine.winrm;

import io.winrminvoke.engine.winrm.session.ShellClient;
import io.winrminvoke.engine.winrm.transport.TlsStrategies;

/** Creates WinRS clients. The only entry point to the client implementation. */
public final class WinRsClients {

    private WinRsClients() {
    }

    /**
     * A client for the host in {@code settings} (HTTP or HTTPS, Basic authentication sent with
     * every request, keep-alive connections). Contacts nobody yet; the first {@code start} does.
     *
     * @throws IllegalArgumentException when a setting is unusable (port, timeouts, codepage, an
     *                                  unreadable trusted CA file); the message names it
     */
    public static WinRsClient connect(ConnectionSettings settings) {
        return new ShellClient(settings);
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
