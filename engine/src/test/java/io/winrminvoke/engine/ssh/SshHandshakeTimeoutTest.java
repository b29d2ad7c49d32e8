package io.winrminvoke.engine.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.FleetRunner;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.Transport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A port that accepts connections but never says a word is an attempt that ends, not a hung worker. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SshHandshakeTimeoutTest {

    @TempDir
    Path dir;

    @Test
    void aServerThatAcceptsButNeverGreetsIsNoResponseWithinTheConnectTimeout() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // kept open, never written to
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            }, "silent-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            RunOptions options = RunOptions.builder().transport(Transport.SSH)
                    .ssh(new SshSettings(Files.writeString(dir.resolve("known_hosts"), ""), false))
                    .connectTimeout(Duration.ofMillis(500))
                    .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(10)).jitter(0)
                            .build()).build();
            RunRequest request = new RunRequest(List.of(new Target("127.0.0.1", silent.getLocalPort())), "u", "pw",
                    CommandSpec.commandLine("echo never"), options, SecretMasker.of());

            HostResult r = FleetRunner.run(request, RunListener.NONE).hosts().get(0);

            assertThat(r.status()).isEqualTo(HostStatus.ERROR);
            assertThat(r.attempts()).hasSize(2).allSatisfy(a -> assertThat(a.failure()).isEqualTo("NO_RESPONSE"));
            assertThat(r.message()).isEqualTo("NO_RESPONSE: no answer within 0.5 s during the SSH handshake (127.0.0.1:"
                    + silent.getLocalPort() + ") (attempt 2)");
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
