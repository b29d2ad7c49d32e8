package io.winrminvoke.engine.winrm.transport;

import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.WinRmException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.ssl.SSLContextBuilder;

/**
 * HTTPS sent to an HTTP listener, or HTTP to an HTTPS listener: a retry fails the same way, so
 * it is named at once with the fix. HTTP.sys answers a ClientHello on its HTTP port with an HTTP
 * 400, which the TLS stack reports as an unrecognised record; on its HTTPS port it closes a
 * connection that starts in plain HTTP without a word, so a silent close is checked by offering
 * TLS on the same port.
 */
final class SchemeMixUp {

    private SchemeMixUp() {
    }

    /** The TLS handshake was answered in plain HTTP; {@code authority} is {@code host:port} as in other messages. */
    static WinRmException httpAnsweredTls(String authority, int port, IOException cause) {
        return new WinRmException(FailureKind.TLS_FAILED, false,
                "host answered HTTP on a TLS connection (" + authority + ")", cause,
                labels -> "is port " + port + " the HTTP listener? use " + labels.of("https") + " with "
                        + labels.of("port") + " 5986, or drop " + labels.of("https"));
    }

    /** A plain HTTP request was closed unanswered by a host that speaks TLS on that port. */
    static WinRmException tlsAnsweredHttp(String authority, int port, IOException cause) {
        return new WinRmException(FailureKind.TLS_FAILED, false,
                "host answered TLS on an HTTP connection (" + authority + ")", cause,
                labels -> "is port " + port + " the HTTPS listener? use " + labels.of("https")
                        + ", or " + labels.of("port") + " 5985 for HTTP");
    }

    /**
     * Whether the host completes a TLS handshake on {@code port}. Only the handshake: nothing is
     * sent over it, so any certificate will do (the connection's own TLS settings are not involved).
     */
    static boolean speaksTls(String host, int port, Duration timeout) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), millis);
            plain.setSoTimeout(millis);
            try (SSLSocket tls = (SSLSocket) ANY_CERTIFICATE.getSocketFactory()
                    .createSocket(plain, host, port, false)) {
                tls.startHandshake();
                return true;
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static final SSLContext ANY_CERTIFICATE = anyCertificate();

    private static SSLContext anyCertificate() {
        try {
            return SSLContextBuilder.create().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM offers no TLS context", e);
        }
    }
}
