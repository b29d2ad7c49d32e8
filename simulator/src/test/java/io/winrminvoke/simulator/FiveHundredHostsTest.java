package io.winrminvoke.simulator;

import io.winrminvoke.simulator.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The capacity the design promises: 500 hosts in one process, each serving a full command. */
class FiveHundredHostsTest {
    @Test
    void fiveHundredHostsEachRunACommandInOneProcess() throws Exception {
        // scripted steps: this measures the simulator, not how fast the machine forks /bin/sh
        Scenario scripted = Scenario.fromJson("{\"defaults\": {\"steps\": [{\"stdout\": \"hello\\n\"}]}}");
        try (SimulatedFleet fleet = SimulatedFleet.start(FleetConfig.builder().hosts(500).password("s3cret")
                .clockScale(0.01).scenario(scripted).build())) {
            assertThat(fleet.hosts()).extracting(SimulatedHost::port).doesNotHaveDuplicates().hasSize(500);
            HttpClient http = WsmanTestClient.newHttpClient(null);
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                List<Future<String>> outputs = fleet.hosts().stream().map(h -> pool.submit(() ->
                        new WsmanTestClient(h.endpoint(), "admin", "s3cret", http).run("x").stdoutText())).toList();
                for (Future<String> f : outputs) {
                    assertThat(f.get()).isEqualTo("hello\n");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(fleet.counters().commandsStarted()).isEqualTo(500);
            assertThat(fleet.counters().openShells()).isZero();
            assertThat(fleet.hosts()).allSatisfy(h -> assertThat(h.counters().maxConcurrentShells()).isEqualTo(1));
            assertThat(fleet.requestLog().entries()).hasSize(2500);
        }
    }
}
