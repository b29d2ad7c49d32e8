package io.winrminvoke.engine.ssh;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH server (Debian's {@code openssh-server}) started by a test on loopback: its own
 * config, a generated host key and user keys, free ports, never as root when a throw-away account
 * is given. Stopped (with every session it started) by {@link #close()}.
 *
 * <p>Who it runs as: the account named by {@value #USER_ENV} (what .ci/run creates), started with
 * {@code setpriv} when the tests run as root; otherwise the user running the tests, unless that is
 * root (then the tests are skipped and say why: sshd never runs privileged here). An
 * unprivileged sshd can log in only as the user it runs as, and checks that user's password
 * through PAM, so password tests also need {@value #PASSWORD_ENV}: without it they are skipped
 * and say why.
 */
public final class OpenSshServer implements AutoCloseable {

    /** The throw-away local account the tests log in as (.ci/run creates it). */
    public static final String USER_ENV = "WINRM_INVOKE_SSH_TEST_USER";
    /** Its password, for the password-authentication tests. */
    public static final String PASSWORD_ENV = "WINRM_INVOKE_SSH_TEST_PASSWORD";

    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Duration START_WAIT = Duration.ofSeconds(15);

    private final Path dir;
    private final String user;
    private final List<Integer> ports;
    private final Process sshd;

    private OpenSshServer(Path dir, String user, List<Integer> ports, Process sshd) {
        this.dir = dir;
        this.user = user;
        this.ports = List.copyOf(ports);
        this.sshd = sshd;
    }

    /**
     * Starts sshd on {@code portCount} free loopback ports (at most 16, sshd's limit).
     *
     * @param extraConfig sshd_config lines appended at the end (e.g. a {@code Match LocalPort} block)
     */
    public static OpenSshServer start(Path dir, int portCount, String... extraConfig) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(SSHD) && Files.isExecutable(SSH_KEYGEN),
                "OpenSSH server tests need Debian's openssh-server (/usr/sbin/sshd, ssh-keygen): .ci/run installs it");
        String self = System.getProperty("user.name");
        String account = Optional.ofNullable(System.getenv(USER_ENV)).filter(s -> !s.isBlank()).orElse(self);
        Assumptions.assumeFalse("root".equals(account), "the OpenSSH tests never run sshd as root: set " + USER_ENV
                + " to an unprivileged local account (.ci/run creates a throw-away one and exports it)");
        boolean dropPrivileges = !account.equals(self);
        Assumptions.assumeTrue(!dropPrivileges || "root".equals(self), "sshd would run as " + account + " ("
                + USER_ENV + "), which only root can start; run the tests as root or as " + account);

        keygen(dir.resolve("host_ed25519"), "ed25519", "", false);
        keygen(dir.resolve("user_ed25519"), "ed25519", "", false);
        Files.copy(dir.resolve("user_ed25519.pub"), dir.resolve("authorized_keys"));
        List<Integer> ports = freePorts(portCount);
        List<String> config = new ArrayList<>(List.of(
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_ed25519"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                // the key files live in a test directory, not in a home directory sshd would check
                "StrictModes no",
                // PAM checks the password of the user sshd runs as (unix_chkpwd), no root needed
                "UsePAM yes",
                "PasswordAuthentication yes",
                "KbdInteractiveAuthentication no",
                                // the fan-out opens 20 handshakes at once; the default 10:30:100 drops some
                "MaxStartups 200",
                "PrintMotd no",
                "LogLevel VERBOSE"));
        ports.forEach(p -> config.add("Port " + p));
        config.addAll(List.of(extraConfig));
        Files.write(dir.resolve("sshd_config"), config, StandardCharsets.UTF_8);
        if (dropPrivileges) {
            giveTo(dir, account);
        }
        List<String> command = new ArrayList<>();
        if (dropPrivileges) {
            command.addAll(List.of(SETPRIV.toString(), "--reuid=" + account, "--regid=" + account, "--init-groups"));
        }
        command.addAll(List.of(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString()));
        Path log = dir.resolve("sshd.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OpenSshServer server = new OpenSshServer(dir, account, ports, process);
        server.awaitListening(log);
        return server;
    }

    /** The user sshd lets in (the one it runs as). */
    public String user() {
        return user;
    }

    /**
     * The user's password, or skips the calling test saying why there is none.
     */
    public String password() {
        String password = System.getenv(PASSWORD_ENV);
        Assumptions.assumeTrue(password != null && !password.isEmpty() && user.equals(System.getenv(USER_ENV)),
                "password authentication needs a local account whose password the test knows (sshd checks real "
                        + "passwords through PAM): .ci/run creates a throw-away account and exports " + USER_ENV
                        + " and " + PASSWORD_ENV);
        return password;
    }

    public int port() {
        return ports.get(0);
    }

    public List<Integer> ports() {
        return ports;
    }

    public Path directory() {
        return dir;
    }

    /** The user's private key (OpenSSH format, no passphrase), as text. */
    public String userKey() throws IOException {
        return Files.readString(dir.resolve("user_ed25519"));
    }

    /** A further user key in another format and with a passphrase, authorized like the first. */
    public String addEncryptedPemKey(String name, String passphrase) throws IOException {
        Path key = dir.resolve(name);
        keygen(key, "rsa", passphrase, true);
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(key.resolveSibling(name + ".pub")),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        return Files.readString(key);
    }

    /** A known_hosts file listing this server's host key on every port. */
    public Path knownHosts() throws IOException {
        String[] fields = Files.readString(dir.resolve("host_ed25519.pub")).strip().split(" ");
        String keyPart = fields[0] + " " + fields[1]; // type and key, without the comment
        List<String> lines = ports.stream().map(p -> "[127.0.0.1]:" + p + " " + keyPart).toList();
        Path file = dir.resolve("known_hosts");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** The host key's fingerprint as {@code ssh-keygen -l} prints it ({@code SHA256:...}). */
    public String hostKeyFingerprint() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SSH_KEYGEN.toString(), "-l", "-E", "sha256", "-f",
                dir.resolve("host_ed25519.pub").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.split(" ")[1];
    }

    /** The session processes sshd has running now (one per open connection). */
    public long sessionProcesses() {
        return sshd.toHandle().descendants().filter(ProcessHandle::isAlive).count();
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    @Override
    public void close() {
        sshd.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        sshd.destroy();
        try {
            if (!sshd.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                sshd.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(Path log) throws IOException {
        long limit = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < limit) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (ports.stream().allMatch(p -> text.contains("Server listening on 127.0.0.1 port " + p + "."))) {
                return;
            }
            if (!sshd.isAlive()) {
                throw new IllegalStateException("sshd exited with " + sshd.exitValue() + ":\n" + text);
            }
            sleep(20);
        }
        close();
        throw new IllegalStateException("sshd did not listen within " + START_WAIT + ":\n" + Files.readString(log));
    }

    private static void keygen(Path file, String type, String passphrase, boolean pem) throws IOException {
        List<String> command = new ArrayList<>(List.of(SSH_KEYGEN.toString(), "-q", "-t", type, "-N", passphrase,
                "-C", "winrm-invoke-test", "-f", file.toString()));
        if (pem) {
            command.addAll(List.of("-m", "PEM"));
        }
        run(command);
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The unprivileged sshd must read its files, and the commands it runs write next to them. */
    private static void giveTo(Path dir, String account) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(account);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(account);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(f, PosixFileAttributeView.class);
                view.setOwner(owner);
                view.setGroup(group);
            }
        }
    }

    private static List<Integer> freePorts(int count) throws IOException {
        if (count < 1 || count > 16) {
            throw new IllegalArgumentException("sshd listens on at most 16 sockets; asked for " + count);
        }
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
