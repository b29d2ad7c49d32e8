package io.winrminvoke.engine.winrm.transport;

import io.winrminvoke.engine.winrm.ConnectionSettings;
import io.winrminvoke.engine.winrm.transport.auth.AuthenticatorFactory;
import io.winrminvoke.engine.winrm.transport.auth.Authentication;
import io.winrminvoke.engine.winrm.transport.auth.kerberos.KerberosLogins;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;

/**
 * HTTP(S) POSTs of SOAP envelopes to one host's /wsman endpoint, over at most two keep-alive
 * connections, each authenticated on its own (Windows binds a Negotiate context to the TCP
 * connection that carried its handshake). The connections are ours, not a pool's: which
 * connection carries which request is what sealing depends on.
 */
public final class WsmanTransport implements AutoCloseable {

    /** One connection for the Receive in flight, one for Signal/Delete while cancelling it. */
    private static final int MAX_CONNECTIONS = 2;

    private final URI endpoint;
    private final ConnectionSlots slots;
    private final AtomicInteger connectionsOpened = new AtomicInteger();

    /**
     * Sets the client up; contacts nobody.
     *
     * @param logins Kerberos logins shared by the clients of one run
     */
    WsmanTransport(ConnectionSettings settings, KerberosLogins logins) {
        String scheme = settings.https() ? "https" : "http";
        HttpHost target = new HttpHost(scheme, settings.host(), settings.port());
        this.endpoint = endpointUri(scheme, settings.host(), settings.port());
        // Over plain HTTP no socket is ever upgraded; without a strategy of our own the operator
        // would build the JDK's default TLS context (reading every trusted CA) for nothing.
        TlsSocketStrategy tls = settings.https() ? TlsStrategies.forSettings(settings.tls()) : TlsStrategies.NONE;
        Lookup<TlsSocketStrategy> tlsLookup = RegistryBuilder.<TlsSocketStrategy>create().register("https", tls).build();
        AuthenticatorFactory authenticators = Authentication.factoryFor(settings, logins);
        this.slots = new ConnectionSlots(MAX_CONNECTIONS,
                () -> new ConnectionSlot(target, tlsLookup, authenticators, connectionsOpened));
    }

    /** The {@code http(s)://host:port/wsman} address requests go to. */
    public URI endpoint() {
        return endpoint;
    }

    /** Prepares a POST of {@code envelope}; nothing is sent until {@link Exchange#execute()}. */
    public Exchange prepare(byte[] envelope, RequestTimeouts timeouts) {
        return new Exchange(slots, envelope, endpoint, timeouts);
    }

    /** How many TCP connections this client has opened so far: a measure of keep-alive reuse. */
    public int connectionsOpened() {
        return connectionsOpened.get();
    }

    @Override
    public void close() {
        slots.close();
    }

    private static URI endpointUri(String scheme, String host, int port) {
        try {
            // The multi-argument constructor brackets IPv6 literals.
            return new URI(scheme, null, host, port, "/wsman", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("host: '" + host + "' is not a valid host name or IP address", e);
        }
    }
}
