package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnknownOptionsTest {

    private static final Set<String> KNOWN = Set.of("hosts", "hostsFile", "credentialsId", "command", "retries",
            "commandTimeout");

    @Test
    void knownOptionsPass() {
        assertThatCode(() -> UnknownOptions.check("a.Step", List.of("hosts", "command"), KNOWN)).doesNotThrowAnyException();
    }

    @Test
    void aMisspelledOptionFailsWithStructsWordsAndTheOptionMeant() {
        assertThatThrownBy(() -> UnknownOptions.check("io.winrminvoke.plugin.WinRmInvokeStep",
                List.of("hots", "command", "retires"), KNOWN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Unknown parameter(s) found for class type 'io.winrminvoke.plugin.WinRmInvokeStep': hots,retires;"
                        + " did you mean 'hosts' instead of 'hots'?; did you mean 'retries' instead of 'retires'?");
    }

    @Test
    void aNameLikeNoOptionIsNamedWithoutASuggestion() {
        assertThatThrownBy(() -> UnknownOptions.check("a.Step", List.of("password"), KNOWN))
                .hasMessage("Unknown parameter(s) found for class type 'a.Step': password");
        assertThat(UnknownOptions.closest("CommandTimeOut", KNOWN)).isEqualTo("commandTimeout");
    }
}
