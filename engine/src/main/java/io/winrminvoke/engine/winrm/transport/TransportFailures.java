package io.winrminvoke.engine.winrm.transport;

import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.Remedy;
import io.winrminvoke.engine.winrm.WinRmException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.client5.http.ClientProtocolException;

/** Turns what the socket and HTTP layers throw into the failure kinds the engine decides on. */
final class TransportFailures {

    /** What the JDK's TLS stack says when the first bytes answering its ClientHello are no TLS record. */
    private static final String PLAINTEXT_ANSWER = "Unsupported or unrecognized SSL message";

    private TransportFailures() {
    }

    /** Where the CA that signed the host's certificate is given: the front end names the option. */
    static final Remedy TRUST_CA = labels -> "the host's certificate is not trusted: give the CA that signed it "
            + "(a PEM file) with " + labels.of("trustedCaPem");

    static WinRmException classify(IOException e, URI endpoint, RequestTimeouts timeouts) {
        if (e instanceof SSLException && String.valueOf(e.getMessage()).contains(PLAINTEXT_ANSWER)) {
            return SchemeMixUp.httpAnsweredTls(endpoint.getAuthority(), endpoint.getPort(), e);
        }
        return classify(e, endpoint.getAuthority(), timeouts);
    }

    static WinRmException classify(IOException e, String endpoint, RequestTimeouts timeouts) {
        FailureKind kind = kindOf(e);
        String what = switch (kind) {
            case UNKNOWN_HOST -> "host name did not resolve";
            case CONNECTION_REFUSED -> e instanceof NoRouteToHostException || hasCause(e, NoRouteToHostException.class)
                    ? "no route to host" : "connection refused";
            case CONNECT_TIMEOUT -> "connect timed out after " + seconds(timeouts.connect().toMillis());
            case NO_RESPONSE -> "no answer within " + seconds(timeouts.response().toMillis());
            case CONNECTION_DROPPED -> "connection dropped";
            case TLS_FAILED -> "TLS handshake failed";
            case CANCELLED -> "request cancelled";
            default -> "protocol error";
        };
        String located = what + " (" + endpoint + ")";
        if (kind == FailureKind.CONNECTION_REFUSED || kind == FailureKind.CONNECT_TIMEOUT
                || kind == FailureKind.UNKNOWN_HOST || kind == FailureKind.NO_RESPONSE) {
            // HttpClient's own text only repeats the address and the reason ("Connect to
            // http://h:5985 failed: Connection refused"); the summary table has no room for it.
            return new WinRmException(kind, false, located, e);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (kind == FailureKind.TLS_FAILED && detail.contains("PKIX")) {
            return new WinRmException(kind, false, located + ": " + detail, e, TRUST_CA);
        }
        return new WinRmException(kind, false, located + ": " + detail, e);
    }

    private static FailureKind kindOf(IOException e) {
        if (e instanceof UnknownHostException) {
            return FailureKind.UNKNOWN_HOST;
        }
        if (e instanceof ConnectTimeoutException) {
            return FailureKind.CONNECT_TIMEOUT;
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return FailureKind.CONNECTION_REFUSED;
        }
        if (e instanceof SSLException) {
            // The JDK wraps a peer that vanished mid-handshake or a handshake read timeout in
            // SSLException too; those are network failures, not certificate problems.
            if (hasCause(e, SocketTimeoutException.class)) {
                return FailureKind.NO_RESPONSE;
            }
            if (hasCause(e, EOFException.class) || hasCause(e, SocketException.class)) {
                return FailureKind.CONNECTION_DROPPED;
            }
            return FailureKind.TLS_FAILED;
        }
        if (e instanceof SocketTimeoutException) {
            return FailureKind.NO_RESPONSE;
        }
        if (e instanceof RequestFailedException) {
            return FailureKind.CANCELLED;
        }
        if (e instanceof ClientProtocolException) {
            return FailureKind.PROTOCOL_ERROR;
        }
        // NoHttpResponseException, ConnectionClosedException, resets, EOF, truncated bodies.
        return FailureKind.CONNECTION_DROPPED;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
