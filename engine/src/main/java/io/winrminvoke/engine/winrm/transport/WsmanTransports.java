package io.winrminvoke.engine.winrm.transport;

import io.winrminvoke.engine.winrm.ConnectionSettings;
import io.winrminvoke.engine.winrm.transport.auth.kerberos.KerberosLogins;

/**
 * Opens the transports of one run. They share the run's Kerberos logins, which stay behind this
 * type: the session layer above never sees authentication.
 */
public final class WsmanTransports {

    private final KerberosLogins logins = new KerberosLogins();

    /**
     * Sets a host's transport up; contacts nobody.
     *
     * @throws IllegalArgumentException when the TLS settings cannot be used (e.g. unreadable CA file)
     */
    public WsmanTransport open(ConnectionSettings settings) {
        return new WsmanTransport(settings, logins);
    }
}
