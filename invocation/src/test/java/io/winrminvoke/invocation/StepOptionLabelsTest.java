package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.OptionLabels;
import io.winrminvoke.engine.retry.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StepOptionLabelsTest {

    @Test
    void everySettingTheEngineNamesInMessagesHasAStepName() {
        assertThat(StepOptionLabels.BY_SETTING.keySet()).containsExactlyInAnyOrderElementsOf(OptionLabels.SETTINGS);
    }

    @Test
    void retryOptionsTheEngineRefusesAreNamedAsTheStepCallsThem() {
        InvalidInputException backoff = catchThrowableOfType(InvalidInputException.class,
                () -> RetryPolicy.builder().multiplier(0.5).build());
        InvalidInputException delays = catchThrowableOfType(InvalidInputException.class,
                () -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(5)).maxDelay(Duration.ofSeconds(1)).build());

        assertThat(backoff.renamed(StepOptionLabels.IN_INPUT_MESSAGES))
                .hasMessage("retryBackoff: invalid value '0.5': allowed 1.0..100.0");
        assertThat(delays.renamed(StepOptionLabels.IN_INPUT_MESSAGES))
                .hasMessage("maxRetryDelay: invalid value 'PT1S': must not be shorter than retryDelay (PT5S)");
    }

    @Test
    void anUntrustedCertificateNamesTheStepsCaCertificateOption() {
        assertThat(StepOptionLabels.LABELS.of("trustedCaPem")).isEqualTo("caCertificate");
        assertThat(StepOptionLabels.LABELS.of("authFailureLimit")).isEqualTo("authFailureLimit");
    }
}
