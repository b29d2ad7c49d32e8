package io.winrminvoke.engine.ssh.client;

import io.winrminvoke.engine.ssh.SshConnectionSettings;
import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.RemoteCommand;
import io.winrminvoke.engine.winrm.WinRmException;
import io.winrminvoke.engine.winrm.WinRsClient;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import javax.net.SocketFactory;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.userauth.method.AuthKeyboardInteractive;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.method.PasswordResponseProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * One SSH connection to one host, opened by the first {@link #start}: TCP connect, key exchange,
 * host key check, authentication (public key first, then password and keyboard-interactive),
 * then an exec channel per command, without a terminal (stdout and stderr stay apart, stdin is
 * a pipe). {@link #close()} from any thread ends whatever step is under way.
 */
public final class SshClient implements WinRsClient {

    private final SshConnectionSettings settings;
    private final Object lock = new Object();
    private SSHClient ssh;            // guarded by lock
    private Socket socket;            // guarded by lock: closed by close() to end a connect in progress
    private boolean closed;           // guarded by lock
    private final List<SshCommand> commands = new ArrayList<>(); // guarded by lock

    public SshClient(SshConnectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public RemoteCommand start(String command, List<String> arguments, boolean skipCmdShell, boolean stdinPiped)
            throws WinRmException {
        SSHClient client = connected();
        // The exec request carries one string, which the host's shell parses; WinRS appends its
        // arguments to the command line the same way, so a CommandSpec means the same on both.
        String commandLine = arguments.isEmpty() ? command : command + " " + String.join(" ", arguments);
        Session session = null;
        try {
            session = client.startSession();
            Session.Command exec = session.exec(commandLine);
            if (!stdinPiped) {
                // Nothing will be written: end the input now, so a command that reads it does not wait (ssh -n).
                exec.getOutputStream().close();
            }
            SshCommand started = new SshCommand(client, session, exec, settings);
            synchronized (lock) {
                if (!closed) {
                    commands.add(started);
                    return started;
                }
            }
            started.terminate();
            throw new WinRmException(FailureKind.CANCELLED, true, "cancelled while starting the command (client closed)");
        } catch (IOException e) {
            closeQuietly(session);
            if (isClosed()) {
                throw new WinRmException(FailureKind.CANCELLED, true, "cancelled while starting the command (client closed)");
            }
            // The exec request may have reached the host before the failure.
            throw SshFailures.running(e, settings.endpoint());
        }
    }

    /** The connection, opened and authenticated on first use. */
    private SSHClient connected() throws WinRmException {
        SSHClient client;
        synchronized (lock) {
            if (closed) {
                throw new WinRmException(FailureKind.CANCELLED, false, "stopped before connecting (client closed)");
            }
            if (ssh != null) {
                return ssh;
            }
            client = new SSHClient(SharedSshConfig.CONFIG);
            ssh = client;
        }
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
        client.setSocketFactory(new RecordingSocketFactory());
        client.setConnectTimeout(connectMillis);
        // Bounds the wait for the server's greeting, read before any other timeout applies; once
        // connected, sshj's reader thread just reads on after a socket timeout.
        client.setTimeout(connectMillis);
        client.getTransport().setTimeoutMs(connectMillis);
        client.getConnection().setTimeoutMs(connectMillis);
        client.getConnection().getKeepAlive().setKeepAliveInterval(
                (int) Math.max(1, settings.keepAliveInterval().toSeconds()));
        KnownHostsCheck hostKeys;
        try {
            hostKeys = new KnownHostsCheck(settings.hostKeys());
        } catch (IOException e) {
            throw new WinRmException(FailureKind.HOST_KEY_REJECTED, false,
                    "cannot read " + settings.hostKeys().knownHostsFile() + ": " + e.getMessage(), e);
        }
        client.addHostKeyVerifier(hostKeys);
        try {
            client.connect(settings.host(), settings.port());
            if (hostKeys.acceptedNotice() != null) {
                settings.notices().accept(hostKeys.acceptedNotice());
            }
            client.auth(settings.user(), authMethods());
            return client;
        } catch (IOException | RuntimeException e) {
            boolean stopped = isClosed(); // a close() from another thread is why the step failed
            close();
            if (stopped) {
                throw new WinRmException(FailureKind.CANCELLED, false, "stopped while connecting (client closed)", e);
            }
            if (e instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            throw SshFailures.connecting((IOException) e, settings.endpoint(), settings.connectTimeout(), hostKeys);
        }
    }

    private List<AuthMethod> authMethods() {
        List<AuthMethod> methods = new ArrayList<>();
        if (settings.key() != null) {
            methods.add(new AuthPublickey(SshKeys.provider(settings.key())));
        }
        if (settings.password() != null) {
            PasswordFinder password = new OneTryPassword(settings.password());
            methods.add(new AuthPassword(password));
            // Linux hosts with PAM often offer only keyboard-interactive for passwords.
            methods.add(new AuthKeyboardInteractive(new PasswordResponseProvider(password)));
        }
        return methods;
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Ends the connection (and any command on it) from any thread; idempotent, never throws. */
    @Override
    public void close() {
        SSHClient client;
        Socket connecting;
        List<SshCommand> running;
        synchronized (lock) {
            closed = true;
            client = ssh;
            connecting = socket;
            running = List.copyOf(commands);
        }
        running.forEach(SshCommand::close);
        if (connecting != null) {
            try {
                connecting.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
        if (client != null) {
            SshCommand.disconnectQuietly(client);
        }
    }

    private static void closeQuietly(Session session) {
        if (session != null) {
            try {
                session.close();
            } catch (IOException | RuntimeException ignored) {
                // the connection is closed next anyway
            }
        }
    }

    /** Keeps the socket so close() can end a TCP connect still under way. */
    private final class RecordingSocketFactory extends SocketFactory {

        @Override
        public Socket createSocket() throws IOException {
            Socket s = new Socket();
            synchronized (lock) {
                if (closed) {
                    s.close();
                } else {
                    socket = s;
                }
            }
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException("sshj creates unconnected sockets");
        }

        @Override
        public Socket createSocket(String host, int port, java.net.InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException("sshj creates unconnected sockets");
        }

        @Override
        public Socket createSocket(java.net.InetAddress host, int port) {
            throw new UnsupportedOperationException("sshj creates unconnected sockets");
        }

        @Override
        public Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress localAddress,
                                   int localPort) {
            throw new UnsupportedOperationException("sshj creates unconnected sockets");
        }
    }

    /** The password for one try only: a refused password is never sent again (account lockout). */
    private static final class OneTryPassword implements PasswordFinder {

        private final String password;

        OneTryPassword(String password) {
            this.password = password;
        }

        @Override
        public char[] reqPassword(Resource<?> resource) {
            return password.toCharArray();
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }

        @Override
        public String toString() {
            return "OneTryPassword[****]";
        }
    }
}
