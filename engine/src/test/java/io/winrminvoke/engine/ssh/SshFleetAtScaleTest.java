package io.winrminvoke.engine.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.FleetRunner;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100 SSH targets at throttle 20 against one sshd (10 ports, 100 connections): every host gets
 * the result of its own connection, and afterwards no connection, sshd session or thread is left.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SshFleetAtScaleTest {

    private static final int PORTS = 10;
    private static final int HOSTS = 100;
    private static final int THROTTLE = 20;
    /**
     * Prints what tells its connection apart (client port, server port, the session shell's pid)
     * and exits with a code derived from it.
     */
    private static final String COMMAND = "set -- $SSH_CLIENT; sleep 1; echo \"client $2 server $3 pid $$\"; "
            + "echo \"err $2\" >&2; exit $(($2 % 4))";
    private static final Pattern OUTPUT = Pattern.compile("client (\\d+) server (\\d+) pid (\\d+)\n");

    @TempDir
    Path dir;

    @Test
    void hundredTargetsAtThrottleTwentyGetTheirOwnResultsAndLeaveNothingOpen() throws Exception {
        Set<String> threadsBefore = threadNames();
        try (OpenSshServer sshd = OpenSshServer.start(dir, PORTS)) {
            List<Target> targets = new ArrayList<>();
            for (int i = 0; i < HOSTS; i++) {
                targets.add(new Target("127.0.0.1", sshd.ports().get(i % PORTS), Transport.SSH));
            }
            RunOptions options = RunOptions.builder().throttle(THROTTLE)
                    .ssh(new SshSettings(sshd.knownHosts(), false))
                    .retryPolicy(RetryPolicy.builder().retries(0).build()).build();
            RunRequest request = new RunRequest(targets, sshd.user(), null, CommandSpec.commandLine(COMMAND), options,
                    SecretMasker.of(), new SshPrivateKey(sshd.userKey(), null));
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger mostInFlight = new AtomicInteger();
            RunListener concurrency = new RunListener() {
                @Override
                public void attemptStarted(Target target, int attempt) {
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                }

                @Override
                public void hostFinished(HostResult result, int done, int total) {
                    inFlight.decrementAndGet();
                }
            };

            RunResult result = FleetRunner.run(request, concurrency);

            Set<String> connections = new HashSet<>();
            for (int i = 0; i < HOSTS; i++) {
                HostResult h = result.hosts().get(i);
                Matcher m = OUTPUT.matcher(h.stdout());
                assertThat(m.matches()).as("host %d: %s / %s", i, h.stdout(), h.message()).isTrue();
                int clientPort = Integer.parseInt(m.group(1));
                assertThat(Integer.parseInt(m.group(2))).as("host %d reached its own port", i)
                        .isEqualTo(targets.get(i).port());
                assertThat(h.stderr()).isEqualTo("err " + clientPort + "\n");
                assertThat(h.exitCode()).isEqualTo(clientPort % 4);
                assertThat(h.status()).isEqualTo(clientPort % 4 == 0 ? HostStatus.SUCCEEDED : HostStatus.FAILED);
                connections.add(m.group(1) + "/" + m.group(2) + "/" + m.group(3));
            }
            assertThat(connections).as("one connection per host").hasSize(HOSTS);
            assertThat(mostInFlight.get()).isBetween(2, THROTTLE);

            awaitTrue(() -> establishedConnections(sshd.ports()) == 0, Duration.ofSeconds(15));
            assertThat(establishedConnections(sshd.ports())).as("TCP connections to sshd still open").isZero();
            awaitTrue(() -> sshd.sessionProcesses() == 0, Duration.ofSeconds(15));
            assertThat(sshd.sessionProcesses()).as("sshd session processes still running").isZero();
            awaitTrue(() -> leftoverThreads(threadsBefore).isEmpty(), Duration.ofSeconds(15));
            assertThat(leftoverThreads(threadsBefore)).as("threads the run left behind").isEmpty();
        }
    }

    /** sshj's reader and keep-alive threads, our stream threads and the run's own, started by this test. */
    private static Set<String> leftoverThreads(Set<String> before) {
        return threadNames().stream()
                .filter(n -> n.startsWith("sshj-") || n.startsWith("winrm-invoke-"))
                .filter(n -> !before.contains(n))
                .collect(Collectors.toSet());
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    /** Connections in state ESTABLISHED whose local or remote port is one of sshd's, from the kernel's table. */
    private static long establishedConnections(List<Integer> ports) throws IOException {
        long count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file); // read once: the table changes under us
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                int local = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                int remote = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
                if ("01".equals(f[3]) && (ports.contains(local) || ports.contains(remote))) {
                    count++;
                }
            }
        }
        return count;
    }

    private static void awaitTrue(IoCondition condition, Duration max) throws Exception {
        long limit = System.nanoTime() + max.toNanos();
        while (!condition.holds() && System.nanoTime() < limit) {
            Thread.sleep(50);
        }
    }

    @FunctionalInterface
    private interface IoCondition {
        boolean holds() throws IOException;
    }
}
