package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.winrm.AuthSettings;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An abort (the agent thread interrupted by remoting) returns only after the cancelled run's
 * Signal and Delete requests have gone out, so no shell is open once the build has ended.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CancellableRunTest {

    private static final String USER = "admin";
    private static final String PASSWORD = "s3cret";
    /** Every request answered after 1.6 s: within the 2 s bound of a clean-up request, yet a Signal and a Delete together outlast the engine's 3 s stop grace. */
    private static final String SLOW_HANGING_HOSTS =
            "{\"defaults\": {\"latency\": \"PT1.6S\"}, \"hosts\": {\"0-1\": {\"steps\": [{\"hang\": true}]}}}";

    @Test
    void anInterruptedRunReturnsOnlyOnceItsShellsAreDeleted() throws Exception {
        try (SimulatedFleet fleet = SimulatedFleet.start(FleetConfig.builder().hosts(2).user(USER).password(PASSWORD)
                .scenario(Scenario.fromJson(SLOW_HANGING_HOSTS)).build())) {
            AtomicReference<Thread> runner = new AtomicReference<>();
            CompletableFuture<Throwable> ended = CompletableFuture.supplyAsync(() -> {
                runner.set(Thread.currentThread());
                try {
                    CancellableRun.run(request(fleet), RunListener.NONE);
                    return null;
                } catch (InterruptedException e) {
                    return e;
                }
            });
            while (fleet.counters().openCommands() < 2) {
                Thread.sleep(50);
            }

            runner.get().interrupt();

            assertThat(ended.get(1, TimeUnit.MINUTES)).isInstanceOf(InterruptedException.class)
                    .hasMessageContaining("aborted");
            assertThat(fleet.counters().openShells()).as("shells open when the aborted call returns").isZero();
        }
    }

    @Test
    void aRunThatIsNotInterruptedReturnsItsResult() throws Exception {
        try (SimulatedFleet fleet = SimulatedFleet.start(FleetConfig.builder().hosts(2).user(USER).password(PASSWORD)
                .clockScale(0.01).build())) {
            RunResult result = CancellableRun.run(request(fleet), RunListener.NONE);

            assertThat(result.hosts()).hasSize(2);
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    private static RunRequest request(SimulatedFleet fleet) {
        List<Target> targets = fleet.hosts().stream().map(h -> new Target(h.address(), h.port())).toList();
        RunOptions options = RunOptions.builder().throttle(2).operationTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).auth(AuthSettings.unencryptedBasic())
                .build();
        return new RunRequest(targets, USER, PASSWORD, CommandSpec.commandLine("deploy.cmd"), options, Masker.NONE);
    }
}
