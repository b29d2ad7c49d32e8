package io.winrminvoke.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static io.winrminvoke.simulator.WsmanTestClient.SHELL_NS;
import static org.assertj.core.api.Assertions.assertThat;

/** How a /bin/sh command is started and stopped: its own session, nothing of ours inherited, its whole tree killed. */
class ShellProcessTreeTest {
    private static SimulatedFleet fleet;
    private static WsmanTestClient client;

    @BeforeAll
    static void start() {
        fleet = SimulatedFleet.start(FleetConfig.builder().hosts(3).user("admin").password("s3cret")
                .clockScale(0.01).build());
        client = new WsmanTestClient(fleet.host(0).endpoint(), "admin", "s3cret");
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void commandLeadsASessionOfItsOwnAndInheritsOnlyItsThreeStreams() {
        // field 6 of /proc/PID/stat is the session id; the listing is of the shell's own descriptors
        WsmanTestClient.Output out = client.run("echo $$ $(cut -d' ' -f6 /proc/$$/stat); ls /proc/$$/fd");

        String[] lines = out.stdoutText().split("\n");
        String[] pidAndSession = lines[0].split(" ");
        assertThat(pidAndSession[1]).isEqualTo(pidAndSession[0]);
        assertThat(java.util.List.of(lines).subList(1, lines.length)).containsExactly("0", "1", "2");
        assertThat(out.exitCode()).isZero();
    }

    @Test
    void terminateKillsWhatTheCommandStartedEvenAfterItsParentExited() throws Exception {
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
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<WsmanTestClient.Output>>();
            for (int i = 0; i < 48; i++) {
                int n = i;
                WsmanTestClient c = new WsmanTestClient(fleet.host(1 + i % 2).endpoint(), "admin", "s3cret");
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
