package io.winrminvoke.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.rollout.RolloutPolicy;
import io.winrminvoke.engine.rollout.Wave;
import io.winrminvoke.engine.rollout.WaveReport;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import io.winrminvoke.simulator.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Waves and the failure budget in the fan-out, against the simulated fleet (its request log tells who was contacted). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RolloutOverSimulatorTest {

    private static final String USER = "admin";
    private static final String PASSWORD = "s3cret";

    private SimulatedFleet fleet;

    @AfterEach
    void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aFailedCanaryWithBudgetZeroIsTheOnlyHostContacted() {
        fleet = start(20, "{\"hosts\":{\"0\":{\"exitCode\":1,\"steps\":[{\"stderr\":\"broken build\\n\"}]}}}");

        RunResult result = FleetRunner.run(request(RolloutPolicy.of("1,10%,100%", "0", false), 32),
                RunListener.NONE);

        assertThat(contactedHosts()).containsExactly("host-000");
        assertThat(result.hosts().get(0).status()).isEqualTo(HostStatus.FAILED);
        for (HostResult host : result.hosts().subList(1, 20)) {
            assertThat(host.status()).isEqualTo(HostStatus.SKIPPED);
            assertThat(host.message())
                    .isEqualTo("not attempted: rollout stopped after wave 1 (1 of 1 failed, budget 0)");
            assertThat(host.attempts()).isEmpty();
        }
        assertThat(result.rollout().stopped()).isTrue();
        assertThat(result.rollout().summary())
                .isEqualTo("rollout stopped after wave 1 (1 of 1 failed, budget 0): 19 hosts not attempted");
    }

    @Test
    void eachWaveStartsOnlyWhenThePreviousOneHasEndedAndTheThrottleBoundsItsInside() {
        fleet = start(12, "{\"hosts\":{\"0-11\":{\"exitCode\":0,\"steps\":[{\"sleep\":\"PT0.2S\"}]}}}");
        List<String> events = new CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void waveStarted(Wave wave, int waveCount) {
                events.add("start " + wave.number() + "/" + waveCount);
            }

            @Override
            public void hostFinished(HostResult result, int done, int total) {
                events.add("host " + portIndex(result.target()));
            }

            @Override
            public void waveEnded(WaveReport report) {
                events.add("end " + report.wave() + " " + report.decision());
            }
        };

        RunResult result = FleetRunner.run(request(RolloutPolicy.of("3,5", null, false), 2), listener);

        assertThat(result.summary().allSucceeded()).isTrue();
        assertThat(fleet.counters().maxConcurrentShells()).isBetween(1, 2);
        // waves 3, 5, 4: every host of a wave reports before its wave ends, and the next starts after
        assertThat(events).hasSize(12 + 6);
        assertThat(events.subList(0, 5)).startsWith("start 1/3").endsWith("end 1 CONTINUE");
        assertThat(events.subList(1, 4)).containsExactlyInAnyOrder("host 0", "host 1", "host 2");
        assertThat(events.subList(5, 12)).startsWith("start 2/3").endsWith("end 2 CONTINUE");
        assertThat(events.subList(6, 11)).containsExactlyInAnyOrder("host 3", "host 4", "host 5", "host 6", "host 7");
        assertThat(events.subList(12, 18)).startsWith("start 3/3").endsWith("end 3 DONE");
        // on the wire: a wave's first request arrives after the last request of the wave before
        assertThat(lastRequest(0, 3)).isBefore(firstRequest(3, 8));
        assertThat(lastRequest(3, 8)).isBefore(firstRequest(8, 12));
        assertThat(result.rollout().summary()).isEqualTo("rollout ran all 3 waves: 0 of 12 failed, no failure budget");
    }

    @Test
    void overBudgetInsideAWaveHostsInFlightFinishAndTheRestDoNotStart() {
        // throttle 2: hosts 0 and 1 start together; 0 fails, 1 is still running and finishes
        fleet = start(8, "{\"hosts\":{"
                + "\"0\":{\"exitCode\":7,\"steps\":[{\"sleep\":\"PT0.3S\"}]},"
                + "\"1\":{\"exitCode\":0,\"steps\":[{\"sleep\":\"PT1.5S\"},{\"stdout\":\"done\\n\"}]}}}");

        RunResult result = FleetRunner.run(request(RolloutPolicy.of(null, null, true), 2), RunListener.NONE);

        assertThat(result.hosts().get(0).status()).isEqualTo(HostStatus.FAILED);
        assertThat(result.hosts().get(1).status()).isEqualTo(HostStatus.SUCCEEDED);
        assertThat(result.hosts().get(1).stdout()).isEqualTo("done\n");
        assertThat(contactedHosts()).containsExactlyInAnyOrder("host-000", "host-001");
        for (HostResult host : result.hosts().subList(2, 8)) {
            assertThat(host.status()).isEqualTo(HostStatus.SKIPPED);
            assertThat(host.message())
                    .isEqualTo("not attempted: rollout stopped after wave 1 (1 of 2 failed, budget 0)");
        }
        WaveReport only = result.rollout().waves().get(0);
        assertThat(only.describe()).isEqualTo("wave 1/1: 8 hosts, 1 ok, 1 failed, 6 not started, budget 0 exceeded: "
                + "stopping, 6 hosts not attempted");
    }

    @Test
    void aCancelBetweenWavesLeavesTheLaterHostsNotStartedNotStoppedByTheBudget() {
        fleet = start(6, "{\"hosts\":{\"2\":{\"steps\":[{\"hang\":true}]}}}");
        AtomicReference<FleetRun> run = new AtomicReference<>();
        RunListener cancelOnHostTwo = new RunListener() {
            @Override
            public void attemptStarted(Target target, int attempt) {
                if (portIndex(target) == 2) {
                    while (run.get() == null) {
                        Thread.onSpinWait();
                    }
                    run.get().cancel();
                }
            }
        };

        run.set(FleetRunner.start(request(RolloutPolicy.of("2", "1", false), 32), cancelOnHostTwo));
        RunResult result = run.get().await();

        assertThat(result.hosts().get(2).status()).isEqualTo(HostStatus.CANCELLED);
        assertThat(result.hosts().get(4).status()).isEqualTo(HostStatus.SKIPPED);
        assertThat(result.hosts().get(4).message()).isEqualTo("not started: run cancelled");
        assertThat(result.rollout().stopped()).isFalse();
        assertThat(result.rollout().summary()).isEqualTo("rollout interrupted in wave 2 of 3: run cancelled");
    }

    // ---- helpers ----

    private static SimulatedFleet start(int hosts, String scenario) {
        return SimulatedFleet.start(FleetConfig.builder().hosts(hosts).user(USER).password(PASSWORD)
                .scenario(Scenario.fromJson(scenario)).build());
    }

    private RunRequest request(RolloutPolicy rollout, int throttle) {
        RunOptions options = RunOptions.builder().throttle(throttle).connectTimeout(Duration.ofSeconds(5))
                .operationTimeout(Duration.ofSeconds(5)).retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                .rollout(rollout).build();
        List<Target> targets = fleet.hosts().stream().map(h -> new Target(h.address(), h.port()))
                .collect(Collectors.toList());
        return new RunRequest(targets, USER, PASSWORD, CommandSpec.commandLine("echo hi"), options, Masker.NONE);
    }

    private List<String> contactedHosts() {
        return fleet.requestLog().entries().stream().map(RequestLogEntry::host).distinct().sorted().toList();
    }

    private int portIndex(Target target) {
        for (SimulatedHost host : fleet.hosts()) {
            if (host.port() == target.port()) {
                return host.index();
            }
        }
        throw new AssertionError("not a host of the fleet: " + target);
    }

    private Instant firstRequest(int fromHost, int toHost) {
        return requestTimes(fromHost, toHost).get(0);
    }

    private Instant lastRequest(int fromHost, int toHost) {
        List<Instant> times = requestTimes(fromHost, toHost);
        return times.get(times.size() - 1);
    }

    private List<Instant> requestTimes(int fromHost, int toHost) {
        return fleet.hosts().subList(fromHost, toHost).stream()
                .flatMap(h -> fleet.requestLog().entriesFor(h).stream())
                .map(RequestLogEntry::time).sorted().toList();
    }
}
