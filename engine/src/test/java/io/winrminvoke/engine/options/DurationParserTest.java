package io.winrminvoke.engine.options;

import io.winrminvoke.engine.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "30s, PT30S",
        "5m, PT5M",
        "1h, PT1H",
        "30d, PT720H",
        "1D, PT24H",
        "P30D, PT720H",
        "0s, PT0S",
        "' 45s ', PT45S",
        "PT30S, PT30S",
        "PT1M30S, PT1M30S",
        "pt2s, PT2S",
    })
    void acceptsUnitsAndIso8601(String text, String expected) {
        assertThat(DurationParser.parse(text, "--retry-delay")).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10x", "5 days", "1.5d", "30w", "abc", "-5s", "PT-5S", "1.5s", "", "s", "P"})
    void rejectsOtherFormsNamingOptionValueAndAcceptedForms(String text) {
        assertThatThrownBy(() -> DurationParser.parse(text, "--retry-delay"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--retry-delay: invalid value '" + text + "'")
                .hasMessageContaining("500ms, 30s, 5m, 1h, 30d")
                .hasMessageContaining("PT30S")
                .hasMessageNotContaining("\n");
    }

    @org.junit.jupiter.api.Test
    void rejectsNullNamingTheOption() {
        assertThatThrownBy(() -> DurationParser.parse(null, "--timeout"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--timeout:");
    }
}
