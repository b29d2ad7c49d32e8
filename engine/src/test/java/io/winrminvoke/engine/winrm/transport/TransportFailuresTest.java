package io.winrminvoke.engine.winrm.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.winrm.FailureKind;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

/**
 * The failures loopback cannot produce (a connect that times out, a name that does not resolve,
 * a handshake cut short) classified from the exceptions the JDK and HttpClient throw for them.
 * The ones the simulator can produce are tested end to end in FailureKindTest.
 */
class TransportFailuresTest {

    private static final RequestTimeouts TIMEOUTS = new RequestTimeouts(Duration.ofSeconds(5), Duration.ofMillis(2500));

    private static FailureKind kindOf(IOException e) {
        return TransportFailures.classify(e, "web01:5985", TIMEOUTS).kind();
    }

    @Test
    void connectTimeoutIsConnectTimeoutNamingTheBound() {
        ConnectTimeoutException timeout = new ConnectTimeoutException("Connect to http://web01:5985 timed out");

        assertThat(kindOf(timeout)).isEqualTo(FailureKind.CONNECT_TIMEOUT);
        assertThat(TransportFailures.classify(timeout, "web01:5985", TIMEOUTS).getMessage())
                .startsWith("connect timed out after 5 s (web01:5985)");
    }

    @Test
    void unresolvedNameIsUnknownHost() {
        assertThat(kindOf(new UnknownHostException("web01: Name or service not known"))).isEqualTo(FailureKind.UNKNOWN_HOST);
    }

    @Test
    void refusedConnectIsConnectionRefused() {
        assertThat(kindOf(new HttpHostConnectException("Connection refused"))).isEqualTo(FailureKind.CONNECTION_REFUSED);
        assertThat(kindOf(new ConnectException("Connection refused"))).isEqualTo(FailureKind.CONNECTION_REFUSED);
        assertThat(TransportFailures.classify(new HttpHostConnectException("Connect to http://web01:5985 failed: "
                + "Connection refused"), "web01:5985", TIMEOUTS).getMessage())
                .isEqualTo("connection refused (web01:5985)");
    }

    @Test
    void readTimeoutIsNoResponseNamingTheBound() {
        SocketTimeoutException timeout = new SocketTimeoutException("Read timed out");

        assertThat(kindOf(timeout)).isEqualTo(FailureKind.NO_RESPONSE);
        assertThat(TransportFailures.classify(timeout, "web01:5985", TIMEOUTS).getMessage())
                .startsWith("no answer within 2.5 s");
    }

    @Test
    void resetsAndEmptyAnswersAreConnectionDropped() {
        assertThat(kindOf(new SocketException("Connection reset"))).isEqualTo(FailureKind.CONNECTION_DROPPED);
        assertThat(kindOf(new NoHttpResponseException("web01:5985 failed to respond"))).isEqualTo(FailureKind.CONNECTION_DROPPED);
        assertThat(kindOf(new EOFException())).isEqualTo(FailureKind.CONNECTION_DROPPED);
    }

    @Test
    void certificateProblemsAreTlsFailed() {
        assertThat(kindOf(new SSLHandshakeException("PKIX path building failed"))).isEqualTo(FailureKind.TLS_FAILED);
        assertThat(kindOf(new SSLPeerUnverifiedException("Certificate for <web01> doesn't match")))
                .isEqualTo(FailureKind.TLS_FAILED);
    }

    @Test
    void handshakeCutShortByThePeerIsDroppedAndHandshakeTimeoutIsNoResponse() {
        SSLHandshakeException cut = new SSLHandshakeException("Remote host terminated the handshake");
        cut.initCause(new EOFException("SSL peer shut down incorrectly"));
        SSLHandshakeException slow = new SSLHandshakeException("handshake timed out");
        slow.initCause(new SocketTimeoutException("Read timed out"));

        assertThat(kindOf(cut)).isEqualTo(FailureKind.CONNECTION_DROPPED);
        assertThat(kindOf(slow)).isEqualTo(FailureKind.NO_RESPONSE);
    }
}
