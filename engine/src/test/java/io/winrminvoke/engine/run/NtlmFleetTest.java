package io.winrminvoke.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.winrm.AuthMethod;
import io.winrminvoke.engine.winrm.AuthSettings;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 200 Windows-default hosts (Basic off, AllowUnencrypted off), NTLM with every message sealed, throttle 50. */
class NtlmFleetTest {

    private static final int HOSTS = 200;

    @Test
    void twoHundredHostsWithNtlmAndEncryptionAtThrottleFiftyAllSucceed() {
        try (SimulatedFleet fleet = SimulatedFleet.start(FleetConfig.builder().hosts(HOSTS).user("deployer")
                .password("Fleet-Pa55!").windowsDefaults()
                .scenario(Scenario.fromJson("{\"defaults\": {\"steps\": [{\"stdout\": \"deployed\\n\"}]}}")).build())) {
            List<Target> targets = fleet.hosts().stream().map(h -> new Target(h.address(), h.port())).toList();
            RunOptions options = RunOptions.builder().throttle(50).connectTimeout(Duration.ofSeconds(20))
                    .operationTimeout(Duration.ofSeconds(10)).auth(AuthSettings.of(AuthMethod.NTLM)).build();

            RunResult result = FleetRunner.run(new RunRequest(targets, "deployer", "Fleet-Pa55!",
                    CommandSpec.commandLine("deploy.cmd"), options, null), RunListener.NONE);

            assertThat(result.hosts()).hasSize(HOSTS).allSatisfy(h -> {
                assertThat(h.status()).as(h.target() + ": " + h.message()).isEqualTo(HostStatus.SUCCEEDED);
                assertThat(h.stdout()).isEqualTo("deployed\n");
                assertThat(h.attempts()).hasSize(1);
            });
            List<RequestLogEntry> log = fleet.requestLog().entries();
            assertThat(log.stream().filter(e -> e.httpStatus() != 401)).allSatisfy(e -> assertThat(e.sealed()).isTrue());
            assertThat(log.stream().filter(e -> e.httpStatus() == 401).count()).as("one NEGOTIATE per connection")
                    .isBetween((long) HOSTS, 2L * HOSTS);
            assertThat(fleet.counters().maxConcurrentShells()).isLessThanOrEqualTo(50);
        }
    }
}
