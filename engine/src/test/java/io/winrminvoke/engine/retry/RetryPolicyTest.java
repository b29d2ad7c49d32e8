package io.winrminvoke.engine.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.options.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void defaultsAreAnsiblesThreeRetriesFiveSecondsDoublingToAMinute() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.maxAttempts()).isEqualTo(4);
        assertThat(p.retries()).isEqualTo(3);
        assertThat(p.initialDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.multiplier()).isEqualTo(2.0);
        assertThat(p.maxDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.jitter()).isEqualTo(0.2);
        assertThat(p.retryOnNonZeroExit()).isFalse();
        assertThat(p.retryAfterCommandStarted()).isFalse();
    }

    @Test
    void delayGrowsByTheMultiplierUpToTheCap() {
        RetryPolicy p = RetryPolicy.builder().initialDelay(Duration.ofSeconds(1)).multiplier(3)
                .maxDelay(Duration.ofSeconds(20)).jitter(0).build();
        assertThat(p.baseDelayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.baseDelayAfter(2)).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.baseDelayAfter(3)).isEqualTo(Duration.ofSeconds(9));
        assertThat(p.baseDelayAfter(4)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.baseDelayAfter(60)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.delayAfter(2, 0.99)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void jitterSpreadsTheDelayBothWaysButNeverPastTheCap() {
        RetryPolicy p = RetryPolicy.builder().initialDelay(Duration.ofSeconds(10)).maxDelay(Duration.ofSeconds(11))
                .jitter(0.5).build();
        assertThat(p.delayAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.delayAfter(1, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.delayAfter(1, 0.999)).isEqualTo(Duration.ofSeconds(11));
    }

    @Test
    void retriesIsAttemptsMinusOne() {
        assertThat(RetryPolicy.builder().retries(0).build().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.builder().retries(5).build().maxAttempts()).isEqualTo(6);
        assertThatThrownBy(() -> RetryPolicy.builder().retries(-1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("retries: invalid value '-1': allowed 0..99");
    }

    @Test
    void aLongInitialDelayRaisesTheUnsetCapInsteadOfFailing() {
        RetryPolicy p = RetryPolicy.builder().initialDelay(Duration.ofMinutes(2)).build();
        assertThat(p.maxDelay()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void invalidValuesNameTheOption() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build()).hasMessageStartingWith("maxAttempts: invalid value '0'");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5).build()).hasMessageStartingWith("multiplier:");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5).build()).hasMessageStartingWith("jitter:");
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(-1)).build())
                .hasMessageStartingWith("initialDelay:");
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(10)).maxDelay(Duration.ofSeconds(1)).build())
                .hasMessageStartingWith("maxDelay:");
    }
}
