package io.winrminvoke.engine.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.FleetRun;
import io.winrminvoke.engine.run.FleetRunner;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SSH transport end to end, through the fan-out, against a real OpenSSH server on loopback:
 * authentication, exit codes, streams, encodings, host key verification, and that a timeout or a
 * cancel kills the remote process (its pid is read from a file the command writes).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SshTransportTest {

    /** Retries on, fast: a test that expects one attempt proves the failure is not retried. */
    private static final RetryPolicy FAST_RETRY = RetryPolicy.builder().maxAttempts(3)
            .initialDelay(Duration.ofMillis(20)).jitter(0).build();

    @RegisterExtension
    static final OpenSshExtension SSHD = OpenSshExtension.withPorts(1);
    private OpenSshServer sshd;
    private Path dir;

    @BeforeEach
    void useServer() {
        sshd = SSHD.server();
        dir = sshd.directory();
    }

    /** A test that failed because the kill did not happen must not leave its sleeper behind. */
    @AfterEach
    void killLeftoverSleepers() throws IOException {
        for (String name : List.of("timeout.pid", "cancel.pid")) {
            Path pidFile = dir.resolve(name);
            if (Files.exists(pidFile) && !Files.readString(pidFile).isBlank()) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void keyAuthenticationRunsTheCommandWithItsExitCodeStdoutAndStderr() throws IOException {
        HostResult r = runOne(CommandSpec.commandLine("printf 'out one\\nout two\\n'; printf 'err one\\n' >&2; exit 3"),
                options(), null, key());

        assertThat(r.status()).isEqualTo(HostStatus.FAILED);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("out one\nout two\n");
        assertThat(r.stderr()).isEqualTo("err one\n");
        assertThat(r.attempts()).hasSize(1);
    }

    @Test
    void exitCodeZeroSucceeds() throws IOException {
        HostResult r = runOne(CommandSpec.commandLine("echo fine"), options(), null, key());

        assertThat(r.status()).isEqualTo(HostStatus.SUCCEEDED);
        assertThat(r.exitCode()).isZero();
        assertThat(r.message()).isEqualTo("exit code 0");
    }

    @Test
    void passwordAuthenticationLogsIn() throws IOException {
        String password = sshd.password();

        HostResult r = runOne(CommandSpec.commandLine("echo \"logged in as $(id -un)\""), options(), password, null);

        assertThat(r.status()).as(r.message()).isEqualTo(HostStatus.SUCCEEDED);
        assertThat(r.stdout()).isEqualTo("logged in as " + sshd.user() + "\n");
    }

    @Test
    void aWrongPasswordIsAuthFailedAndNeverRetried() throws IOException {
        HostResult r = runOne(CommandSpec.commandLine("echo no"), options(), "not-the-password", null);

        assertThat(r.status()).isEqualTo(HostStatus.AUTH_FAILED);
        assertThat(r.attempts()).hasSize(1);
        assertThat(r.message()).startsWith("authentication refused (127.0.0.1:" + sshd.port() + ")")
                .doesNotContain("not-the-password");
    }

    @Test
    void anEncryptedPemKeyWithItsPassphraseLogsInAndThePassphraseIsMasked() throws IOException {
        String passphrase = "pass phrase 42";
        String pem = sshd.addEncryptedPemKey("user_rsa_pem", passphrase);

        HostResult r = runOne(CommandSpec.commandLine("echo 'the passphrase is pass phrase 42'"), options(), null,
                new SshPrivateKey(pem, passphrase));

        assertThat(r.status()).as(r.message()).isEqualTo(HostStatus.SUCCEEDED);
        assertThat(r.stdout()).isEqualTo("the passphrase is ****\n");
    }

    @Test
    void utf8OutputArrivesDecoded() throws IOException {
        HostResult r = runOne(CommandSpec.commandLine("printf '日本語の出力 ✓\\ncafé 😀\\n'; printf 'エラー\\n' >&2"),
                options(), null, key());

        assertThat(r.stdout()).isEqualTo("日本語の出力 ✓\ncafé 😀\n");
        assertThat(r.stderr()).isEqualTo("エラー\n");
    }

    @Test
    void stdinReachesTheCommandAndIsClosed() throws IOException {
        byte[] input = "line one\nzwei €\n".getBytes(StandardCharsets.UTF_8);
        CommandSpec cat = new CommandSpec("cat; echo end", List.of(), false, input, CommandSpec.UTF8_CODEPAGE, false,
                "cat");

        HostResult r = runOne(cat, options(), null, key());

        assertThat(r.stdout()).isEqualTo("line one\nzwei €\nend\n");
    }

    @Test
    void commandTimeoutKillsTheRemoteProcess() throws Exception {
        Path pidFile = dir.resolve("timeout.pid");
        CommandSpec sleeper = CommandSpec.commandLine("sleep 600 & echo $! > " + pidFile + "; wait");

        HostResult r = runOne(sleeper, options().commandTimeout(Duration.ofSeconds(2)), null, key());

        assertThat(r.status()).isEqualTo(HostStatus.TIMED_OUT);
        assertThat(r.message()).isEqualTo("command timeout PT2S passed; remote command killed (signal KILL)");
        assertThat(r.attempts()).hasSize(1);
        assertGone(pidFile);
    }

    @Test
    void cancellingTheRunKillsTheRemoteProcess() throws Exception {
        Path pidFile = dir.resolve("cancel.pid");
        CommandSpec sleeper = CommandSpec.commandLine("sleep 600 & echo $! > " + pidFile + "; wait");
        FleetRun run = FleetRunner.start(request(sleeper, options(), null, key()), RunListener.NONE);
        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(pidFile) && Files.size(pidFile) > 0) && System.nanoTime() < limit) {
            Thread.sleep(20);
        }

        run.cancel();
        HostResult r = run.await().hosts().get(0);

        assertThat(r.status()).isEqualTo(HostStatus.CANCELLED);
        assertThat(r.message()).isEqualTo("run cancelled; remote command killed (signal KILL)");
        assertGone(pidFile);
    }

    @Test
    void anUnknownHostKeyIsRefusedAndNotRetried() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty_known_hosts"), "# nobody yet\n");

        HostResult r = runOne(CommandSpec.commandLine("echo never"),
                options().ssh(new SshSettings(empty, false)), null, key());

        assertThat(r.status()).isEqualTo(HostStatus.ERROR);
        assertThat(r.attempts()).hasSize(1);
        assertThat(r.attempts().get(0).failure()).isEqualTo("HOST_KEY_REJECTED");
        assertThat(r.message()).startsWith("HOST_KEY_REJECTED: host key ssh-ed25519 SHA256:")
                .contains("of [127.0.0.1]:" + sshd.port() + " is not in " + empty);
    }

    @Test
    void anUnknownHostKeyIsAcceptedWhenAskedAndTheRunSaysWhichKey() throws Exception {
        Path empty = Files.writeString(dir.resolve("nobody_known_hosts"), "");
        List<String> notices = new CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void notice(Target target, int attempt, String message) {
                notices.add(target + " #" + attempt + ": " + message);
            }
        };

        HostResult r = FleetRunner.run(request(CommandSpec.commandLine("echo trusted anyway"),
                options().ssh(new SshSettings(empty, true)), null, key()), listener).hosts().get(0);

        assertThat(r.status()).as(r.message()).isEqualTo(HostStatus.SUCCEEDED);
        assertThat(notices).containsExactly("ssh://127.0.0.1:" + sshd.port() + " #1: accepted unknown SSH host key "
                + "ssh-ed25519 " + sshd.hostKeyFingerprint() + " of [127.0.0.1]:" + sshd.port() + " (not in "
                + empty + "; unknown host keys are accepted for this run)");
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWhenUnknownKeysAreAccepted() throws IOException {
        // the user key stands in for "the key this host had before"
        String[] other = Files.readString(dir.resolve("user_ed25519.pub")).strip().split(" ");
        Path changed = Files.writeString(dir.resolve("changed_known_hosts"),
                "[127.0.0.1]:" + sshd.port() + " " + other[0] + " " + other[1] + "\n");

        HostResult r = runOne(CommandSpec.commandLine("echo never"),
                options().ssh(new SshSettings(changed, true)), null, key());

        assertThat(r.status()).isEqualTo(HostStatus.ERROR);
        assertThat(r.attempts()).hasSize(1);
        assertThat(r.message()).contains("differs from the key " + changed + " lists for it");
    }

    @Test
    void aClosedPortIsUnreachableAfterItsRetries() throws IOException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        RunRequest req = new RunRequest(List.of(new Target("127.0.0.1", closed, Transport.SSH)), sshd.user(), null,
                CommandSpec.commandLine("echo never"), options().build(), SecretMasker.of(), key());

        HostResult r = FleetRunner.run(req, RunListener.NONE).hosts().get(0);

        assertThat(r.status()).isEqualTo(HostStatus.UNREACHABLE);
        assertThat(r.attempts()).hasSize(3);
        assertThat(r.message()).isEqualTo("CONNECTION_REFUSED: connection refused (127.0.0.1:" + closed
                + ") (attempt 3)");
    }

    @Test
    void aMissingKnownHostsFileIsInvalidInputBeforeAnyHostIsContacted() throws IOException {
        Path missing = dir.resolve("not_there");

        assertThatThrownBy(() -> request(CommandSpec.commandLine("echo"),
                options().ssh(new SshSettings(missing, false)), null, key()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("knownHosts: " + missing + " does not exist");
    }

    // ---- helpers ----

    private SshPrivateKey key() throws IOException {
        return new SshPrivateKey(sshd.userKey(), null);
    }

    private RunOptions.Builder options() throws IOException {
        return RunOptions.builder().transport(Transport.SSH).ssh(new SshSettings(sshd.knownHosts(), false))
                .connectTimeout(Duration.ofSeconds(10)).retryPolicy(FAST_RETRY);
    }

    private RunRequest request(CommandSpec command, RunOptions.Builder options, String password,
                                      SshPrivateKey key) {
        return new RunRequest(List.of(new Target("127.0.0.1", sshd.port(), Transport.SSH)), sshd.user(), password,
                command, options.build(), SecretMasker.of(), key);
    }

    private HostResult runOne(CommandSpec command, RunOptions.Builder options, String password,
                                     SshPrivateKey key) {
        return FleetRunner.run(request(command, options, password, key), RunListener.NONE).hosts().get(0);
    }

    /** The process whose pid the command wrote is gone (or only a zombie awaiting its reaper). */
    static void assertGone(Path pidFile) throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running(pid) && System.nanoTime() < limit) {
            Thread.sleep(20);
        }
        assertThat(running(pid)).as("remote process %d still running", pid).isFalse();
    }

    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            // state is the field after "(comm)"; Z is a dead process not yet reaped
            return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }
}
