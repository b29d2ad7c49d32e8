package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.OptionLabels;
import org.junit.jupiter.api.Test;

class StepOptionLabelsTest {

    @Test
    void everySettingTheEngineNamesInMessagesHasAStepName() {
        assertThat(StepOptionLabels.BY_SETTING.keySet()).containsExactlyInAnyOrderElementsOf(OptionLabels.SETTINGS);
    }

    @Test
    void anUntrustedCertificateNamesTheStepsCaCertificateOption() {
        assertThat(StepOptionLabels.LABELS.of("trustedCaPem")).isEqualTo("caCertificate");
        assertThat(StepOptionLabels.LABELS.of("authFailureLimit")).isEqualTo("authFailureLimit");
    }
}
