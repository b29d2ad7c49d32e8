package io.winrminvoke.engine.options;

import io.winrminvoke.engine.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.targets.Target;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void defaultsFollowTheDocumentedPeers() {
        RunOptions o = RunOptions.defaults();
        assertThat(o.throttle()).isEqualTo(32);
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.operationTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.commandTimeout()).isNull();
        assertThat(o.overallTimeout()).isNull();
        assertThat(o.outputLimitBytes()).isEqualTo(16384);
        assertThat(o.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(o.tls().insecure()).isFalse();
        assertThat(o.https()).isFalse();
    }

    @Test
    void portDefaultsToTheSchemeAndTheTargetsOwnPortWins() {
        RunOptions http = RunOptions.defaults();
        RunOptions https = RunOptions.builder().https(true).build();
        RunOptions custom = RunOptions.builder().port(15985).build();
        assertThat(http.portFor(new Target("h", 0))).isEqualTo(5985);
        assertThat(https.portFor(new Target("h", 0))).isEqualTo(5986);
        assertThat(custom.portFor(new Target("h", 0))).isEqualTo(15985);
        assertThat(custom.portFor(new Target("h", 7000))).isEqualTo(7000);
    }

    @Test
    void throttleZeroIsRejectedNamingOptionValueAndRange() {
        assertThatThrownBy(() -> RunOptions.builder().throttle(0).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("throttle: invalid value '0': allowed 1..4096");
    }

    @Test
    void badValuesAreRejectedNamingTheOption() {
        assertThatThrownBy(() -> RunOptions.builder().port(70000).build()).hasMessageStartingWith("port: invalid value '70000'");
        assertThatThrownBy(() -> RunOptions.builder().connectTimeout(Duration.ZERO).build())
                .hasMessageStartingWith("connectTimeout: invalid value 'PT0S'");
        assertThatThrownBy(() -> RunOptions.builder().operationTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageStartingWith("operationTimeout:");
        assertThatThrownBy(() -> RunOptions.builder().commandTimeout(Duration.ZERO).build())
                .hasMessageStartingWith("commandTimeout:");
        assertThatThrownBy(() -> RunOptions.builder().overallTimeout(Duration.ofMillis(-1)).build())
                .hasMessageStartingWith("overallTimeout:");
        assertThatThrownBy(() -> RunOptions.builder().outputLimitBytes(-1).build())
                .hasMessageStartingWith("outputLimitBytes: invalid value '-1'");
    }
}
