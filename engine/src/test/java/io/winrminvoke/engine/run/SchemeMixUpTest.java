package io.winrminvoke.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.OptionLabels;
import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.winrm.AuthMethod;
import io.winrminvoke.engine.winrm.AuthSettings;
import io.winrminvoke.engine.winrm.TlsSettings;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatedFleet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * HTTPS to an HTTP listener and HTTP to an HTTPS listener are named at once, with the fix in the
 * front end's words, and not retried (a retry meets the same listener). Retries are on, with a
 * delay a retry could not hide, so one attempt proves none was made.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SchemeMixUpTest {

    private static final String USER = "admin";
    private static final String PASSWORD = "s3cret";
    private static final OptionLabels CLI = OptionLabels.of(Map.of("https", "--https", "port", "--port"));

    private static SimulatedFleet http;
    private static SimulatedFleet https;

    @BeforeAll
    static void startFleets() {
        http = SimulatedFleet.start(FleetConfig.builder().hosts(1).user(USER).password(PASSWORD).https(false).build());
        https = SimulatedFleet.start(FleetConfig.builder().hosts(1).user(USER).password(PASSWORD).https(true).build());
    }

    @AfterAll
    static void stopFleets() {
        http.close();
        https.close();
    }

    @Test
    void httpToTheHttpsListenerIsNamedAtOnceAndNotRetried() {
        int port = https.host(0).port();
        long t0 = System.nanoTime();

        HostResult r = run(port, false);

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(r.status()).isEqualTo(HostStatus.ERROR);
        assertThat(r.attempts()).hasSize(1);
        assertThat(r.message()).isEqualTo("TLS_FAILED: host answered TLS on an HTTP connection (127.0.0.1:" + port
                + "): is port " + port + " the HTTPS listener? use --https, or --port 5985 for HTTP");
    }

    @Test
    void httpsToTheHttpListenerIsNamedAtOnceAndNotRetried() {
        int port = http.host(0).port();
        long t0 = System.nanoTime();

        HostResult r = run(port, true);

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(r.status()).isEqualTo(HostStatus.ERROR);
        assertThat(r.attempts()).hasSize(1);
        assertThat(r.message()).isEqualTo("TLS_FAILED: host answered HTTP on a TLS connection (127.0.0.1:" + port
                + "): is port " + port + " the HTTP listener? use --https with --port 5986, or drop --https");
    }

    @Test
    void theRightSchemeStillWorksOnBothListeners() {
        assertThat(run(http.host(0).port(), false).status()).isEqualTo(HostStatus.SUCCEEDED);
        assertThat(run(https.host(0).port(), true, new TlsSettings(null, true)).status())
                .isEqualTo(HostStatus.SUCCEEDED);
    }

    private static HostResult run(int port, boolean useHttps) {
        return run(port, useHttps, TlsSettings.verifying());
    }

    private static HostResult run(int port, boolean useHttps, TlsSettings tls) {
        RunOptions options = RunOptions.builder().https(useHttps).tls(tls).labels(CLI)
                .connectTimeout(Duration.ofSeconds(5)).operationTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofSeconds(3)).jitter(0).build())
                .auth(useHttps ? AuthSettings.of(AuthMethod.BASIC) : AuthSettings.unencryptedBasic()).build();
        RunRequest request = new RunRequest(List.of(new Target("127.0.0.1", port)), USER, PASSWORD,
                CommandSpec.commandLine("echo hi"), options, Masker.NONE);
        return FleetRunner.run(request, RunListener.NONE).hosts().get(0);
    }
}
