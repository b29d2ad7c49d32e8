package io.winrminvoke.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.winrm.ConnectionSettings;
import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.WinRmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * What the fan-out does with a client factory that breaks in ways no wire can show (a bug that
 * throws): nothing here crosses the wire, so no simulator is needed.
 */
class FleetRunnerIsolationTest {

    @Test
    void aClientThatThrowsCostsOnlyItsHostAndIsNeverRetried() {
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        WinRsClientFactory broken = settings -> {
            calls.merge(settings.host(), 1, Integer::sum);
            if (settings.host().equals("bug")) {
                throw new IllegalStateException("client bug");
            }
            throw new WinRmException(FailureKind.CONNECTION_REFUSED, false, "Connection refused");
        };
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1)).jitter(0).build();
        RunRequest request = new RunRequest(List.of(new Target("bug", 0), new Target("down", 0)), "u", "p",
                CommandSpec.commandLine("x"), RunOptions.builder().retryPolicy(policy).build(), null);

        RunResult result = FleetRunner.run(request, RunListener.NONE, broken);

        HostResult bug = result.hosts().get(0);
        assertThat(bug.status()).isEqualTo(HostStatus.ERROR);
        assertThat(bug.attempts()).hasSize(1);
        assertThat(bug.message()).contains("client bug");
        HostResult down = result.hosts().get(1);
        assertThat(down.status()).isEqualTo(HostStatus.UNREACHABLE);
        assertThat(down.attempts()).hasSize(3);
        assertThat(down.message()).isEqualTo("CONNECTION_REFUSED: Connection refused (attempt 3)");
        assertThat(calls).containsEntry("bug", 1).containsEntry("down", 3);
    }

    @Test
    void settingsCarryTheRunOptionsAndTheTargetsPort() {
        Map<String, ConnectionSettings> seen = new ConcurrentHashMap<>();
        WinRsClientFactory recording = settings -> {
            seen.put(settings.host(), settings);
            throw new WinRmException(FailureKind.AUTH_FAILED, false, "401");
        };
        // no lock-out protection: the second host is to be tried after the first one's 401
        RunOptions opts = RunOptions.builder().https(true).connectTimeout(Duration.ofSeconds(7))
                .operationTimeout(Duration.ofSeconds(9)).authFailureLimit(0).build();
        CommandSpec cp932 = new CommandSpec("x", List.of(), false, null, 932, false, null);
        FleetRunner.run(new RunRequest(List.of(new Target("a", 0), new Target("::1", 7000)), "u", "p", cp932, opts,
                null), RunListener.NONE, recording);

        assertThat(seen.get("a").port()).isEqualTo(5986);
        assertThat(seen.get("a").https()).isTrue();
        assertThat(seen.get("a").connectTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(seen.get("a").operationTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(seen.get("a").codepage()).isEqualTo(932);
        assertThat(seen.get("::1").port()).isEqualTo(7000);
    }
}
