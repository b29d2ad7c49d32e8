package io.winrminvoke.engine.winrm.transport;

import io.winrminvoke.engine.winrm.ConnectionSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP(S) POSTs of SOAP envelopes to one host's /wsman endpoint, over a small pool of
 * keep-alive connections. Basic credentials go with every request, so no request is sent twice
 * to collect a 401 first.
 */
public final class WsmanTransport implements AutoCloseable {

    /** One connection for the Receive in flight, one for Signal/Delete while cancelling it. */
    private static final int MAX_CONNECTIONS = 2;
    /** A connection idle this long is checked before reuse: Windows closes idle ones after a while. */
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(2);
    private static final ContentType SOAP = ContentType.create("application/soap+xml", StandardCharsets.UTF_8);

    private final HttpHost target;
    private final URI endpoint;
    private final String authorization;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    private final AtomicInteger connectionsOpened = new AtomicInteger();

    /**
     * Sets the client up; contacts nobody.
     *
     * @param defaultResponseTimeout socket timeout for reads outside a request's own bound
     * @throws IllegalArgumentException when the TLS settings cannot be used (e.g. unreadable CA file)
     */
    public WsmanTransport(ConnectionSettings settings, Duration defaultResponseTimeout) {
        String scheme = settings.https() ? "https" : "http";
        this.target = new HttpHost(scheme, settings.host(), settings.port());
        this.endpoint = endpointUri(scheme, settings.host(), settings.port());
        String credentials = settings.user() + ":" + settings.password();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));

        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setConnectionFactory(socket -> {
                    connectionsOpened.incrementAndGet();
                    return ManagedHttpClientConnectionFactory.INSTANCE.createConnection(socket);
                })
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(atLeastOneMilli(settings.connectTimeout()))
                        .setSocketTimeout(atLeastOneMilli(defaultResponseTimeout))
                        .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                        .build());
        // Over plain HTTP no socket is ever upgraded; without a strategy of our own the pool
        // would build the JDK's default TLS context (reading every trusted CA) for nothing.
        pool.setTlsSocketStrategy(settings.https() ? TlsStrategies.forSettings(settings.tls()) : TlsStrategies.NONE);
        this.connections = pool.build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                // Retries are the engine's decision (a resent Command could run twice); redirects,
                // cookies, compression and auth negotiation have no place in WS-Management.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .setUserAgent("winrm-invoke")
                .build();
    }

    /** The {@code http(s)://host:port/wsman} address requests go to. */
    public URI endpoint() {
        return endpoint;
    }

    /** Prepares a POST of {@code envelope}; nothing is sent until {@link Exchange#execute()}. */
    @SuppressWarnings("deprecation") // per-request connect timeout: cleanup requests use a shorter one
    public Exchange prepare(byte[] envelope, RequestTimeouts timeouts) {
        HttpPost post = new HttpPost(endpoint);
        post.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        post.setEntity(new ByteArrayEntity(envelope, SOAP));
        post.setConfig(RequestConfig.custom()
                .setConnectTimeout(atLeastOneMilli(timeouts.connect()))
                .setConnectionRequestTimeout(atLeastOneMilli(timeouts.connect()))
                .setResponseTimeout(atLeastOneMilli(timeouts.response()))
                .build());
        return new Exchange(client, target, post, endpoint.getAuthority(), timeouts);
    }

    /** How many TCP connections this client has opened so far: a measure of keep-alive reuse. */
    public int connectionsOpened() {
        return connectionsOpened.get();
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }

    /** Sockets count in whole milliseconds and read 0 as "wait forever": never let a bound round to 0. */
    private static Timeout atLeastOneMilli(Duration duration) {
        return Timeout.ofMilliseconds(Math.max(1, duration.toMillis()));
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
