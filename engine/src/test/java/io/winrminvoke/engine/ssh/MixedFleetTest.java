package io.winrminvoke.engine.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.FleetRunner;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.TargetParser;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run over simulated WinRM hosts and real SSH endpoints: each host is reached over its own
 * transport (the simulator sees WS-Management requests only from its hosts, sshd logs a login
 * for each of its own), and the results come back in input order, alike in form.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MixedFleetTest {

    private static final String WINRM_PASSWORD = "winrm-s3cret";

    @TempDir
    Path dir;

    @Test
    void simulatedWinRmHostsAndRealSshEndpointsRunInOneFleet() throws IOException {
        try (OpenSshServer sshd = OpenSshServer.start(dir, 3);
             SimulatedFleet fleet = SimulatedFleet.start(FleetConfig.builder().hosts(3).user(sshd.user())
                     .password(WINRM_PASSWORD).https(false).build())) {
            List<String> entries = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                SimulatedHost winrm = fleet.host(i);
                entries.add(winrm.address() + ":" + winrm.port());
                entries.add("ssh://127.0.0.1:" + sshd.ports().get(i));
            }
            List<Target> targets = TargetParser.parseLines(entries, "mixed").targets();
            RunOptions options = RunOptions.builder().ssh(new SshSettings(sshd.knownHosts(), false)).build();
            RunRequest request = new RunRequest(targets, sshd.user(), WINRM_PASSWORD,
                    CommandSpec.commandLine("echo same command; exit 5"), options, SecretMasker.of(),
                    new SshPrivateKey(sshd.userKey(), null));

            RunResult result = FleetRunner.run(request, RunListener.NONE);

            assertThat(result.hosts()).extracting(HostResult::target).containsExactlyElementsOf(targets);
            assertThat(result.hosts()).allSatisfy(h -> {
                assertThat(h.status()).as(h.target() + ": " + h.message()).isEqualTo(HostStatus.FAILED);
                assertThat(h.exitCode()).isEqualTo(5);
                assertThat(h.stdout()).isEqualTo("same command\n");
                assertThat(h.message()).isEqualTo("exit code 5");
            });
            assertThat(result.hosts()).extracting(h -> h.target().display()).filteredOn(d -> d.startsWith("ssh://"))
                    .hasSize(3);
            fleet.hosts().forEach(h -> assertThat(h.counters().commandsStarted()).as(h.name()).isEqualTo(1));
            assertThat(sshd.log().lines().filter(l -> l.startsWith("Accepted publickey for " + sshd.user())))
                    .hasSize(3);
        }
    }
}
