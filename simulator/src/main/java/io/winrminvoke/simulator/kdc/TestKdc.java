package io.winrminvoke.simulator.kdc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real Kerberos KDC for tests: Debian's MIT {@code krb5kdc} on a free loopback port, with a
 * throw-away realm whose configuration, database and stash live in a directory of the caller's.
 * Needs the Debian packages {@code krb5-kdc}, {@code krb5-admin-server} and {@code krb5-user}.
 *
 * <pre>{@code
 * try (TestKdc kdc = TestKdc.start(tempDir)) {                 // realm WINRM.TEST, correct clock
 *     kdc.addUser("alice", "Secret-1");                        // alice@WINRM.TEST, pre-authentication required
 *     Path keytab = kdc.addService("HTTP/localhost");          // also WSMAN/localhost ...; all in serviceKeytab()
 *     System.setProperty("java.security.krb5.conf", kdc.krb5Conf().toString()); // tests only: JVM-wide
 *     FleetConfig.builder().kerberosKeytab(kdc.serviceKeytab())...;
 *     kdc.disableUser("alice");                                // KDC_ERR_CLIENT_REVOKED from now on
 *     kdc.expirePassword("bob");                               // KDC_ERR_KEY_EXPIRED from now on
 * }                                                            // the krb5kdc process is gone
 * TestKdc skewed = TestKdc.start(otherDir, "SKEW.TEST", Duration.ofHours(1)); // KDC clock 1 h ahead
 * }</pre>
 *
 * <p>Methods: {@link #start(Path)}, {@link #start(Path, String, Duration)}, {@link #realm()},
 * {@link #port()}, {@link #krb5Conf()} (for {@code java.security.krb5.conf} / {@code KRB5_CONFIG}),
 * {@link #addUser(String, String)}, {@link #addService(String)}, {@link #serviceKeytab()},
 * {@link #disableUser(String)}, {@link #expirePassword(String)}, {@link #close()}, and
 * {@link #writeKrb5Conf(Path, TestKdc...)} for one krb5.conf naming several KDCs: the JDK reads its
 * Kerberos configuration once per JVM, so a JVM that needs a second realm (a skewed KDC) must name
 * both before its first Kerberos call.
 * Principals are given without realm ({@code alice}, {@code HTTP/localhost}). Encryption types:
 * AES-256 and AES-128 (CTS-HMAC-SHA1-96), as a Windows domain of today uses.
 *
 * <p>A clock offset is the KDC's {@code -T} option: the KDC works as if its clock were off by it,
 * so a client with the right time gets {@code KRB_AP_ERR_SKEW} (beyond the 5-minute tolerance).
 */
public final class TestKdc implements AutoCloseable {
    public static final String DEFAULT_REALM = "WINRM.TEST";
    private static final Path KRB5KDC = Path.of("/usr/sbin/krb5kdc");
    private static final Path KDB5_UTIL = Path.of("/usr/sbin/kdb5_util");
    private static final Path KADMIN_LOCAL = Path.of("/usr/sbin/kadmin.local");
    private static final Pattern REALM = Pattern.compile("[A-Z0-9][A-Z0-9.-]*");
    private static final Pattern PRINCIPAL = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)?");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final String realm;
    private final int port;
    private final Path krb5Conf;
    private final Path kdcConf;
    private final Path serviceKeytab;
    private final Process process;

    private TestKdc(Path dir, String realm, int port, Path krb5Conf, Path kdcConf, Process process) {
        this.dir = dir;
        this.realm = realm;
        this.port = port;
        this.krb5Conf = krb5Conf;
        this.kdcConf = kdcConf;
        this.serviceKeytab = dir.resolve("services.keytab");
        this.process = process;
    }

    /** A KDC for realm {@link #DEFAULT_REALM} with a correct clock, its files in {@code dir}. */
    public static TestKdc start(Path dir) {
        return start(dir, DEFAULT_REALM, Duration.ZERO);
    }

    /**
     * A KDC for {@code realm} (upper case) whose clock is off by {@code clockOffset} (may be
     * negative; whole seconds), its files in {@code dir} (created if needed).
     */
    public static TestKdc start(Path dir, String realm, Duration clockOffset) {
        if (realm == null || !REALM.matcher(realm).matches()) {
            throw new IllegalArgumentException("realm: '" + realm + "' is not allowed; use upper-case letters, digits, '.', '-'");
        }
        for (Path tool : List.of(KRB5KDC, KDB5_UTIL, KADMIN_LOCAL)) {
            if (!Files.isExecutable(tool)) {
                throw new IllegalStateException(tool + " is missing; install Debian's krb5-kdc krb5-admin-server krb5-user");
            }
        }
        try {
            Files.createDirectories(dir);
            int port = freePort();
            Path krb5Conf = dir.resolve("krb5.conf");
            Path kdcConf = dir.resolve("kdc.conf");
            Files.writeString(krb5Conf, krb5Conf(realm, "    " + realm + " = {\n        kdc = 127.0.0.1:" + port
                    + "\n    }\n"), StandardCharsets.UTF_8);
            Files.writeString(kdcConf, kdcConf(dir, realm, port), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("kadm5.acl"), "", StandardCharsets.UTF_8);
            run(dir, krb5Conf, kdcConf, List.of(KDB5_UTIL.toString(), "-r", realm, "create", "-s", "-W",
                    "-P", "throw-away-master-key"));
            List<String> command = new ArrayList<>(List.of(KRB5KDC.toString(), "-n", "-r", realm,
                    "-P", dir.resolve("krb5kdc.pid").toString()));
            if (!clockOffset.isZero()) {
                command.addAll(List.of("-T", Long.toString(clockOffset.toSeconds())));
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("krb5kdc.out").toFile());
            environment(pb.environment(), krb5Conf, kdcConf);
            Process process = pb.start();
            TestKdc kdc = new TestKdc(dir, realm, port, krb5Conf, kdcConf, process);
            kdc.awaitListening();
            return kdc;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test KDC in " + dir, e);
        }
    }

    public String realm() {
        return realm;
    }

    /** The TCP and UDP port the KDC listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** A krb5.conf naming this realm and KDC (default realm; TCP only; AES only; MIT clients do not correct a clock skew). */
    public Path krb5Conf() {
        return krb5Conf;
    }

    /** The keytab with the keys of every service added by {@link #addService(String)}. */
    public Path serviceKeytab() {
        return serviceKeytab;
    }

    /**
     * Writes to {@code file} one krb5.conf naming every KDC given (their realms, ports); the first
     * one's realm is the default. Returns {@code file}.
     */
    public static Path writeKrb5Conf(Path file, TestKdc... kdcs) {
        if (kdcs.length == 0) {
            throw new IllegalArgumentException("kdcs: name at least one KDC");
        }
        StringBuilder realms = new StringBuilder();
        for (TestKdc kdc : kdcs) {
            realms.append("    ").append(kdc.realm).append(" = {\n        kdc = 127.0.0.1:").append(kdc.port)
                    .append("\n    }\n");
        }
        try {
            Files.writeString(file, krb5Conf(kdcs[0].realm, realms.toString()), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Adds {@code name@REALM} with this password; pre-authentication is required, as in a Windows domain. */
    public void addUser(String name, String password) {
        principal(name);
        if (password == null || password.isEmpty() || password.contains("\"") || password.contains("\n")) {
            throw new IllegalArgumentException("password: must be non-empty, without '\"' or line breaks");
        }
        kadmin("addprinc -pw \"" + password + "\" +requires_preauth " + name);
    }

    /** Adds a service principal ({@code HTTP/localhost}) with a random key and exports it to {@link #serviceKeytab()}. */
    public Path addService(String principal) {
        principal(principal);
        kadmin("addprinc -randkey " + principal);
        kadmin("ktadd -k " + serviceKeytab + " " + principal);
        return serviceKeytab;
    }

    /** Locks the account: the KDC refuses it tickets ({@code -allow_tix}, KDC_ERR_CLIENT_REVOKED). */
    public void disableUser(String name) {
        principal(name);
        kadmin("modprinc -allow_tix " + name);
    }

    /** Makes the user's password expired: the KDC answers KDC_ERR_KEY_EXPIRED. */
    public void expirePassword(String name) {
        principal(name);
        kadmin("modprinc -pwexpire now " + name);
    }

    /** Stops the KDC and waits until its process is gone. The directory stays (the caller's). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public boolean running() {
        return process.isAlive();
    }

    @Override
    public String toString() {
        return "TestKdc[realm=" + realm + ", port=" + port + ", dir=" + dir + "]";
    }

    private void kadmin(String query) {
        run(dir, krb5Conf, kdcConf, List.of(KADMIN_LOCAL.toString(), "-r", realm, "-q", query));
    }

    private static void principal(String name) {
        if (name == null || !PRINCIPAL.matcher(name).matches()) {
            throw new IllegalArgumentException("principal: '" + name + "' is not allowed; use name or service/host, without realm");
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("krb5kdc exited with status " + process.exitValue() + "; see "
                        + dir.resolve("krb5kdc.out") + " and " + dir.resolve("kdc.log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        close();
        throw new IllegalStateException("krb5kdc did not listen on 127.0.0.1:" + port + " within " + READY_TIMEOUT);
    }

    private static void run(Path dir, Path krb5Conf, Path kdcConf, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        environment(pb.environment(), krb5Conf, kdcConf);
        pb.directory(dir.toFile());
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within 60 s");
            }
            // kadmin.local exits 0 even when a query fails; its messages say so
            if (p.exitValue() != 0 || output.toLowerCase(Locale.ROOT).matches("(?s).*(error|while |cannot|failed).*")) {
                throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(3, command.size())))
                        + " failed (status " + p.exitValue() + "): " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static void environment(Map<String, String> env, Path krb5Conf, Path kdcConf) {
        env.put("KRB5_CONFIG", krb5Conf.toString());
        env.put("KRB5_KDC_PROFILE", kdcConf.toString());
    }

    private static String krb5Conf(String defaultRealm, String realms) {
        return """
                [libdefaults]
                    default_realm = %1$s
                    dns_lookup_kdc = false
                    dns_lookup_realm = false
                    rdns = false
                    kdc_timesync = 0
                    udp_preference_limit = 1
                    default_tkt_enctypes = aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96
                    default_tgs_enctypes = aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96
                    permitted_enctypes = aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96
                    ticket_lifetime = 1h
                    forwardable = true

                [realms]
                %2$s
                [domain_realm]
                    localhost = %1$s
                    .localhost = %1$s
                """.formatted(defaultRealm, realms);
    }

    private static String kdcConf(Path dir, String realm, int port) {
        return """
                [kdcdefaults]
                    kdc_ports = %3$d
                    kdc_tcp_ports = %3$d

                [realms]
                    %2$s = {
                        database_name = %1$s/principal
                        key_stash_file = %1$s/stash
                        acl_file = %1$s/kadm5.acl
                        supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal
                        max_life = 10h
                        max_renewable_life = 1d
                    }

                [logging]
                    kdc = FILE:%1$s/kdc.log
                    admin_server = FILE:%1$s/kadmin.log
                    default = FILE:%1$s/krb5.log
                """.formatted(dir.toAbsolutePath(), realm, port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the KDC", e);
        }
    }
}
