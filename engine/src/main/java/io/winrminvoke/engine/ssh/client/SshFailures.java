package io.winrminvoke.engine.ssh.client;

import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.WinRmException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.userauth.UserAuthException;

/**
 * Turns what sshj and the socket throw into the failure kinds the engine decides on, with the
 * same words the WinRM client uses for the same events.
 */
final class SshFailures {

    private SshFailures() {
    }

    /** A failure while connecting, before the command was sent. */
    static WinRmException connecting(IOException e, String endpoint, Duration connectTimeout, KnownHostsCheck hostKeys) {
        if (e instanceof UnknownHostException) {
            return new WinRmException(FailureKind.UNKNOWN_HOST, false, "host name did not resolve (" + endpoint + ")", e);
        }
        if (e instanceof NoRouteToHostException) {
            return new WinRmException(FailureKind.CONNECTION_REFUSED, false, "no route to host (" + endpoint + ")", e);
        }
        if (e instanceof ConnectException) {
            return new WinRmException(FailureKind.CONNECTION_REFUSED, false, "connection refused (" + endpoint + ")", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new WinRmException(FailureKind.CONNECT_TIMEOUT, false,
                    "connect timed out after " + seconds(connectTimeout) + " (" + endpoint + ")", e);
        }
        if (e instanceof SSHException ssh && ssh.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE) {
            String why = hostKeys.refusal() != null ? hostKeys.refusal() : detail(e);
            return new WinRmException(FailureKind.HOST_KEY_REJECTED, false, why, e);
        }
        if (hasCause(e, TimeoutException.class) || hasCause(e, SocketTimeoutException.class)) {
            // a silent server (no greeting, no key exchange or authentication reply): not a refusal
            return new WinRmException(FailureKind.NO_RESPONSE, false,
                    "no answer within " + seconds(connectTimeout) + " during the SSH handshake (" + endpoint + ")", e);
        }
        if (e instanceof UserAuthException) {
            return new WinRmException(FailureKind.AUTH_FAILED, false, "authentication refused (" + endpoint + ")", e);
        }
        if (detail(e).contains("Broken transport")) {
            // The server hung up mid-handshake: sshd does so past MaxStartups concurrent handshakes.
            return new WinRmException(FailureKind.CONNECTION_DROPPED, false, "connection dropped (" + endpoint + ")", e);
        }
        if (e instanceof SSHException) {
            // Key exchange or protocol trouble (not an SSH server, no common algorithm): the same next time.
            return new WinRmException(FailureKind.PROTOCOL_ERROR, false,
                    "SSH handshake failed (" + endpoint + "): " + detail(e), e);
        }
        return new WinRmException(FailureKind.CONNECTION_DROPPED, false,
                "connection dropped (" + endpoint + "): " + detail(e), e);
    }

    /** A failure once the command may be running: the connection or the channel broke. */
    static WinRmException running(IOException e, String endpoint) {
        if (detail(e).contains("keep-alive")) {
            return new WinRmException(FailureKind.NO_RESPONSE, true, "host stopped answering keep-alives ("
                    + endpoint + "): " + detail(e), e);
        }
        return new WinRmException(FailureKind.CONNECTION_DROPPED, true, "connection dropped (" + endpoint + "): "
                + detail(e), e);
    }

    static String detail(Throwable e) {
        String m = e.getMessage();
        if ((m == null || m.isBlank()) && e.getCause() != null) {
            return detail(e.getCause());
        }
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }
}
