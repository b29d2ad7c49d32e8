package io.winrminvoke.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.winrminvoke.simulator.WsmanTestClient.SHELL_NS;
import static org.assertj.core.api.Assertions.assertThat;

/** How a /bin/sh command is started and stopped: its own session, nothing of ours inherited, its whole tree killed. */
class ShellProcessTreeTest {
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.with(FleetConfig.builder().hosts(3).user("admin")
            .password("s3cret").clockScale(0.01));

    private static WsmanTestClient client(int host) {
        return new WsmanTestClient(sim.fleet().host(host).endpoint(), "admin", "s3cret");
    }

    @Test
    void commandLeadsASessionOfItsOwnAndInheritsOnlyItsThreeStreams() {
        // field 6 of /proc/PID/stat is the session id; the listing is of the shell's own descriptors
        WsmanTestClient.Output out = client(0).run("echo $$ $(cut -d' ' -f6 /proc/$$/stat); ls /proc/$$/fd");

        String[] lines = out.stdoutText().split("\n");
        String[] pidAndSession = lines[0].split(" ");
        assertThat(pidAndSession[1]).isEqualTo(pidAndSession[0]);
        assertThat(List.of(lines).subList(1, lines.length)).containsExactly("0", "1", "2");
        assertThat(out.exitCode()).isZero();
    }

    @Test
    void terminateKillsWhatTheCommandStartedEvenAfterItsParentExited() throws Exception {
        WsmanTestClient client = client(0);
        String shell = client.openShell();
        // the inner shell exits at once: its sleep is re-parented away from the command's tree
        String cmd = client.startCommand(shell, "sh -c 'sleep 300 >/dev/null 2>&1 & echo $!'; sleep 300");
        String b64 = client.receive(shell, cmd).first(SHELL_NS, "Stream");
        long orphan = Long.parseLong(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8).trim());
        ProcessHandle orphanHandle = ProcessHandle.of(orphan).orElseThrow();

        client.signal(shell, cmd, "terminate");

        orphanHandle.onExit().get(10, TimeUnit.SECONDS);
        assertThat(orphanHandle.isAlive()).isFalse();
        client.delete(shell);
    }

    @Test
    void manyCommandsAtOnceEachGetTheirOwnOutputAndExitCode() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<WsmanTestClient.Output>> results = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                int n = i;
                WsmanTestClient c = client(1 + i % 2);
                results.add(pool.submit(() -> c.run("echo out" + n + "; echo err" + n + " >&2; exit " + (n % 7))));
            }
            for (int i = 0; i < results.size(); i++) {
                WsmanTestClient.Output out = results.get(i).get(60, TimeUnit.SECONDS);
                assertThat(out.stdoutText()).isEqualTo("out" + i + "\n");
                assertThat(new String(out.stderr(), StandardCharsets.UTF_8)).isEqualTo("err" + i + "\n");
                assertThat(out.exitCode()).isEqualTo(i % 7);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
