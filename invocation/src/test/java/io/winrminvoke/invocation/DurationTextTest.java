package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertThat(DurationText.humanise(0)).isEqualTo("0 ms");
        assertThat(DurationText.humanise(850)).isEqualTo("850 ms");
        assertThat(DurationText.humanise(1_000)).isEqualTo("1.0 s");
        assertThat(DurationText.humanise(4_280)).isEqualTo("4.2 s");
        assertThat(DurationText.humanise(9_999)).isEqualTo("9.9 s");
        assertThat(DurationText.humanise(38_400)).isEqualTo("38 s");
        assertThat(DurationText.humanise(185_000)).isEqualTo("3 min 05 s");
        assertThat(DurationText.humanise(3_725_000)).isEqualTo("1 h 02 min");
        assertThat(DurationText.humanise(90_000_000)).isEqualTo("25 h 00 min");
    }

    @Test
    void negativeDurationsAreABug() {
        assertThatThrownBy(() -> DurationText.humanise(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
