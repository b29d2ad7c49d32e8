package io.winrminvoke.engine.winrm.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestBoundsTest {

    @Test
    void theReadMarginIsAQuarterOfTheOperationTimeoutBetweenTwoAndTenSeconds() {
        assertThat(RequestBounds.margin(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(5));
        assertThat(RequestBounds.margin(Duration.ofMillis(12_345))).isEqualTo(Duration.ofMillis(3_086));
        assertThat(RequestBounds.margin(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(2));
        assertThat(RequestBounds.margin(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(10));
    }
}
