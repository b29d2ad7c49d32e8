package io.winrminvoke.engine.winrm.transport;

import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.WinRmException;
import io.winrminvoke.engine.winrm.transport.auth.AuthProtocolException;
import io.winrminvoke.engine.winrm.transport.auth.AuthenticatorFactory;
import io.winrminvoke.engine.winrm.transport.auth.ConnectionAuthenticator;
import io.winrminvoke.engine.winrm.transport.auth.WireReply;
import io.winrminvoke.engine.winrm.transport.auth.WireRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestConnControl;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * One keep-alive TCP connection to the host at a time, and the authenticator bound to it. A
 * replaced connection gets a new authenticator, so a sealed message always travels on the
 * connection whose context sealed it. Used by one exchange at a time; {@link #abort()} may come
 * from any thread.
 */
final class ConnectionSlot {

    /** Far above MaxEnvelopeSize; guards memory against a host that never stops sending. */
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final HttpProcessor PROCESSOR = HttpProcessorBuilder.create()
            .addAll(new RequestContent(), new RequestTargetHost(), new RequestConnControl(),
                    new RequestUserAgent("winrm-invoke"))
            .build();
    private static final HttpRequestExecutor EXECUTOR = new HttpRequestExecutor();

    private final HttpHost target;
    private final DefaultHttpClientConnectionOperator operator;
    private final AuthenticatorFactory authenticators;
    private final AtomicInteger connectionsOpened;

    private volatile ManagedHttpClientConnection connection;
    /** The TCP socket under {@link #connection} (under its TLS layer, over HTTPS), as a channel. */
    private SocketChannel channel;
    private ConnectionAuthenticator authenticator;

    ConnectionSlot(HttpHost target, Lookup<TlsSocketStrategy> tls, AuthenticatorFactory authenticators,
                   AtomicInteger connectionsOpened) {
        this.target = target;
        // Sockets from channels, so that a reused connection can be checked without waiting
        // (isStale). The operator asks for one socket per address it tries (never through a SOCKS
        // proxy: SocketConfig.DEFAULT names none); the last one is the one connected.
        this.operator = new DefaultHttpClientConnectionOperator(noSocksProxy -> openSocket(),
                null, SystemDnsResolver.INSTANCE, tls);
        this.authenticators = authenticators;
        this.connectionsOpened = connectionsOpened;
    }

    private Socket openSocket() throws IOException {
        SocketChannel opened = SocketChannel.open();
        channel = opened;
        return opened.socket();
    }

    /**
     * Sends one SOAP envelope on this slot's connection (opening and authenticating one if
     * needed) and reads the whole answer.
     */
    WireReply exchange(byte[] envelope, RequestTimeouts timeouts, BooleanSupplier cancelled)
            throws IOException, WinRmException {
        ManagedHttpClientConnection open = connection;
        // Checked at every reuse: a connection the host closed must be replaced, and
        // authenticated anew, before a sealed message is put on it.
        if (open != null && (!open.isOpen() || isStale(channel))) {
            open.close(CloseMode.IMMEDIATE);
            open = null;
        }
        boolean fresh = open == null;
        if (fresh) {
            open = connect(timeouts, cancelled);
        }
        open.setSocketTimeout(atLeastOneMilli(timeouts.response().toMillis()));
        ManagedHttpClientConnection wire = open;
        try {
            return authenticator.exchange(envelope, request -> {
                // An abort closes the connection; checking here keeps a later leg from opening another.
                if (cancelled.getAsBoolean()) {
                    throw new InterruptedIOException("request cancelled");
                }
                return send(wire, request);
            });
        } catch (NoHttpResponseException e) {
            // A new plain connection closed before any answer: a TLS listener does exactly that.
            if (fresh && !cancelled.getAsBoolean() && URIScheme.HTTP.same(target.getSchemeName())
                    && SchemeMixUp.speaksTls(target.getHostName(), target.getPort(), timeouts.connect())) {
                throw SchemeMixUp.tlsAnsweredHttp(target.toHostString(), target.getPort(), e);
            }
            throw e;
        }
    }

    private ManagedHttpClientConnection connect(RequestTimeouts timeouts, BooleanSupplier cancelled)
            throws IOException, WinRmException {
        ManagedHttpClientConnection fresh = ManagedHttpClientConnectionFactory.INSTANCE.createConnection(null);
        connection = fresh; // before connecting, so abort() can close the socket mid-connect
        authenticator = null;
        if (cancelled.getAsBoolean()) {
            throw new InterruptedIOException("request cancelled");
        }
        operator.connect(fresh, target, null, null, atLeastOneMilli(timeouts.connect().toMillis()),
                SocketConfig.DEFAULT, null, HttpCoreContext.create());
        connectionsOpened.incrementAndGet();
        try {
            authenticator = authenticators.forConnection(fresh.getSSLSession());
        } catch (AuthProtocolException e) {
            fresh.close(CloseMode.IMMEDIATE);
            throw new WinRmException(FailureKind.AUTH_FAILED, false, e.getMessage(), e);
        }
        return fresh;
    }

    private WireReply send(ManagedHttpClientConnection wire, WireRequest request) throws IOException {
        BasicClassicHttpRequest post = new BasicClassicHttpRequest("POST", target, "/wsman");
        if (request.authorization() != null) {
            post.setHeader(HttpHeaders.AUTHORIZATION, request.authorization());
        }
        if (request.body().length > 0) {
            // The Content-Type is set as written: Windows compares the multipart parameters as text.
            post.setHeader(HttpHeaders.CONTENT_TYPE, request.contentType());
            post.setEntity(new ByteArrayEntity(request.body(), null));
        }
        HttpCoreContext context = HttpCoreContext.create();
        try {
            EXECUTOR.preProcess(post, PROCESSOR, context);
            ClassicHttpResponse response = EXECUTOR.execute(post, wire, context);
            EXECUTOR.postProcess(response, PROCESSOR, context);
            HttpEntity entity = response.getEntity();
            byte[] body = entity == null ? null : EntityUtils.toByteArray(entity, MAX_BODY_BYTES);
            Header type = response.getFirstHeader(HttpHeaders.CONTENT_TYPE);
            List<String> challenges = new ArrayList<>();
            for (Header challenge : response.getHeaders(HttpHeaders.WWW_AUTHENTICATE)) {
                challenges.add(challenge.getValue());
            }
            if (!EXECUTOR.keepAlive(post, response, wire, context)) {
                wire.close(CloseMode.GRACEFUL);
            }
            return new WireReply(response.getCode(), type == null ? null : type.getValue(),
                    body == null ? new byte[0] : body, challenges);
        } catch (HttpException e) {
            wire.close(CloseMode.IMMEDIATE);
            throw new ClientProtocolException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            wire.close(CloseMode.IMMEDIATE);
            throw e;
        }
    }

    /** Closes the connection now, aborting a connect or a request in progress; safe from any thread. */
    void abort() {
        ManagedHttpClientConnection open = connection;
        if (open != null) {
            open.close(CloseMode.IMMEDIATE);
        }
    }

    /**
     * Whether the host closed the connection or sent something unasked, found by one read that
     * does not wait (as urllib3 polls with a zero timeout before reusing a connection). Between
     * two exchanges nothing may arrive: any byte, even a TLS alert, makes the connection unfit.
     * HttpClient's own {@code isStale()} reads with a 1 ms timeout, which costs every reuse a
     * millisecond, a SocketTimeoutException and two context switches.
     */
    private static boolean isStale(SocketChannel tcp) {
        if (tcp == null) {
            return true;
        }
        try {
            synchronized (tcp.blockingLock()) {
                tcp.configureBlocking(false);
                try {
                    return tcp.read(ByteBuffer.allocate(1)) != 0;
                } finally {
                    tcp.configureBlocking(true);
                }
            }
        } catch (IOException e) {
            return true;
        }
    }

    private static Timeout atLeastOneMilli(long millis) {
        return Timeout.ofMilliseconds(Math.max(1, millis));
    }
}
