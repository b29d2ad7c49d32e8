package io.winrminvoke.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.winrm.AuthSettings;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A wrong password costs {@code authFailureLimit} failed logons, not one per host (lock-out protection). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CredentialBreakerOverSimulatorTest {

    private static final String USER = "admin";
    private static final String PASSWORD = "s3cret";
    private static final int HOSTS = 50;

    private SimulatedFleet fleet;

    @AfterEach
    void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aWrongPasswordOverFiftyHostsMakesExactlyTheLimitOfFailedLogons(int limit) {
        fleet = fleet("{}");

        RunResult result = FleetRunner.run(request("wrong", options().authFailureLimit(limit)), RunListener.NONE);

        assertThat(failedLogons()).isEqualTo(limit);
        List<HostResult> refused = result.hosts().stream().filter(h -> h.status() == HostStatus.AUTH_FAILED).toList();
        assertThat(refused).hasSize(limit);
        String first = refused.stream().min(java.util.Comparator.comparing(HostResult::ended)).orElseThrow()
                .target().display();
        assertThat(result.hosts()).filteredOn(h -> h.status() != HostStatus.AUTH_FAILED).hasSize(HOSTS - limit)
                .allSatisfy(h -> {
                    assertThat(h.status()).isEqualTo(HostStatus.SKIPPED);
                    assertThat(h.attempts()).isEmpty();
                    assertThat(h.message()).isEqualTo("not attempted: credentials refused by " + limit
                            + (limit == 1 ? " host" : " hosts") + " (first: " + first + ")");
                });
    }

    @Test
    void limitZeroTriesEveryHost() {
        fleet = fleet("{}");

        RunResult result = FleetRunner.run(request("wrong", options().authFailureLimit(0)), RunListener.NONE);

        assertThat(failedLogons()).isEqualTo(HOSTS);
        assertThat(result.hosts()).extracting(HostResult::status).containsOnly(HostStatus.AUTH_FAILED);
    }

    @Test
    void onceTheCredentialsWorkTheFleetFansOutAndARefusalLaterStopsTheRest() {
        // host 10 has another local password: the account works, but that host refuses it
        fleet = fleet("{\"hosts\": {\"10\": {\"password\": \"other\"}}}");

        RunResult result = FleetRunner.run(request(PASSWORD, options().throttle(5)), RunListener.NONE);

        assertThat(failedLogons()).isEqualTo(1);
        assertThat(result.hosts().get(10).status()).isEqualTo(HostStatus.AUTH_FAILED);
        assertThat(result.hosts().subList(0, 10)).extracting(HostResult::status).containsOnly(HostStatus.SUCCEEDED);
        assertThat(result.hosts()).filteredOn(h -> h.status() == HostStatus.SKIPPED).isNotEmpty()
                .allSatisfy(h -> assertThat(h.message()).startsWith("not attempted: credentials refused by 1 host"));
        assertThat(result.hosts()).filteredOn(h -> h.status() == HostStatus.SUCCEEDED).hasSizeGreaterThanOrEqualTo(10);
    }

    /** Logons the simulator refused for a wrong password (a 401 without credentials is no logon). */
    private long failedLogons() {
        return fleet.requestLog().entries().stream()
                .filter(e -> e.authFailure() != null && e.authFailure().contains("wrong user or password")).count();
    }

    private static SimulatedFleet fleet(String scenario) {
        return SimulatedFleet.start(FleetConfig.builder().hosts(HOSTS).user(USER).password(PASSWORD).https(false)
                .scenario(Scenario.fromJson(scenario)).build());
    }

    private static RunOptions.Builder options() {
        return RunOptions.builder().throttle(HOSTS).connectTimeout(Duration.ofSeconds(5))
                .operationTimeout(Duration.ofSeconds(5)).auth(AuthSettings.unencryptedBasic());
    }

    private RunRequest request(String password, RunOptions.Builder options) {
        List<Target> targets = fleet.hosts().stream().map(h -> new Target(h.address(), h.port())).toList();
        return new RunRequest(targets, USER, password, CommandSpec.commandLine("echo hi"), options.build(), Masker.NONE);
    }
}
