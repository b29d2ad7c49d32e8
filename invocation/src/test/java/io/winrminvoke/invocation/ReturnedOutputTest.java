package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.InvalidInputException;
import org.junit.jupiter.api.Test;

class ReturnedOutputTest {

    @Test
    void outputWithinTheLimitIsReturnedUnchanged() {
        assertThat(ReturnedOutput.of(true, 5).apply("hello")).isEqualTo("hello");
        assertThat(ReturnedOutput.of(true, null).apply("x".repeat(4096))).hasSize(4096);
    }

    @Test
    void longerOutputIsCutAtTheLimitAndSaysHowMuchIsLeftOut() {
        assertThat(ReturnedOutput.of(true, 4).apply("abcdefgh"))
                .isEqualTo("abcd\n[winrm-invoke: 4 more characters in the host's transcript]");
        assertThat(ReturnedOutput.of(true, null).apply("y".repeat(5000)))
                .startsWith("y".repeat(4096) + "\n[winrm-invoke: 904 more characters");
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String text = "ab\uD83D\uDE00cd"; // an emoji is two chars
        assertThat(ReturnedOutput.of(true, 3).apply(text)).startsWith("ab\n[winrm-invoke: 4 more");
    }

    @Test
    void returnOutputFalseReturnsNoOutputAtAll() {
        assertThat(ReturnedOutput.of(false, null).apply("secret-ish build output")).isNull();
        assertThat(ReturnedOutput.of(true, 0).apply("abc")).isEqualTo("\n[winrm-invoke: 3 more characters in the host's transcript]");
        assertThat(ReturnedOutput.of(true, 10).apply(null)).isNull();
    }

    @Test
    void limitsOutsideTheRangeAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> ReturnedOutput.of(true, -1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("outputLimit must be between 0 and 16384 characters, got -1");
        assertThatThrownBy(() -> ReturnedOutput.of(true, 16385)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("got 16385");
    }
}
