package io.winrminvoke.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.targets.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRequestTest {

    private static final List<Target> ONE = List.of(new Target("web01", 0));
    private static final CommandSpec CMD = CommandSpec.commandLine("hostname");

    @Test
    void emptyTargetListIsInvalidInput() {
        assertThatThrownBy(() -> new RunRequest(List.of(), "u", "p", CMD, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("targets: no hosts given");
    }

    @Test
    void missingCredentialsAreInvalidInput() {
        assertThatThrownBy(() -> new RunRequest(ONE, " ", "p", CMD, null, null)).hasMessageStartingWith("user:");
        assertThatThrownBy(() -> new RunRequest(ONE, "u", null, CMD, null, null)).hasMessageStartingWith("password: missing");
    }

    @Test
    void aCodepageTheJvmCannotDecodeIsInvalidInput() {
        CommandSpec odd = new CommandSpec("x", List.of(), false, null, 4242, false, null);
        assertThatThrownBy(() -> new RunRequest(ONE, "u", "p", odd, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("codepage: invalid value '4242'");
    }

    @Test
    void defaultsFillMissingOptionsAndTheMaskerAlwaysHidesThePassword() {
        RunRequest r = new RunRequest(ONE, "u", "pa55word", CMD, null, null);
        assertThat(r.options()).isEqualTo(RunOptions.defaults());
        assertThat(r.masker().mask("echo pa55word")).isEqualTo("echo ****");

        Masker callers = text -> text.replace("token-1", "[token]");
        RunRequest withOwn = new RunRequest(ONE, "u", "pa55word", CMD, null, callers);
        assertThat(withOwn.masker().mask("pa55word token-1")).isEqualTo("**** [token]");
        RunRequest none = new RunRequest(ONE, "u", "pa55word", CMD, null, Masker.NONE);
        assertThat(none.masker().mask("pa55word")).isEqualTo("****");
    }

    @Test
    void toStringNeverShowsThePassword() {
        RunRequest r = new RunRequest(ONE, "u", "Pa55-word!", CommandSpec.commandLine("echo Pa55-word!"), null,
                t -> t.replace("Pa55-word!", "****"));
        assertThat(r.toString()).doesNotContain("Pa55-word!").contains("password=****");
    }
}
