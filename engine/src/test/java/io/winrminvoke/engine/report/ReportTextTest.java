package io.winrminvoke.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    @Test
    void secondsHaveThreeDecimalsAsJUnitTimesHaveThem() {
        assertThat(ReportText.seconds(0)).isEqualTo("0.000");
        assertThat(ReportText.seconds(5)).isEqualTo("0.005");
        assertThat(ReportText.seconds(50)).isEqualTo("0.050");
        assertThat(ReportText.seconds(1500)).isEqualTo("1.500");
        assertThat(ReportText.seconds(86_400_001)).isEqualTo("86400.001");
        for (long millis = 0; millis < 20_000; millis += 7) {
            assertThat(ReportText.seconds(millis)).isEqualTo(String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000));
        }
    }
}
