package io.winrminvoke.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.ssh.SshSettings;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.TargetParser;
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
    void textWinRmCannotCarryIsRefusedNamingWhereItStandsNotTheText() {
        // ESC from a coloured prompt pasted into a command: a Windows host would fault on the envelope
        assertThatThrownBy(() -> new RunRequest(ONE, "u", "p", CommandSpec.commandLine("echo \u001b[31mred"), null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("command: character U+001B at position 6 cannot be sent to WinRM hosts (WS-Management "
                        + "messages are XML 1.0, which cannot carry it); a PowerShell script is sent encoded and may hold it");
        CommandSpec withArguments = new CommandSpec("app.exe", List.of("ok", "s3cret\u0000"), true, null,
                CommandSpec.UTF8_CODEPAGE, false, null);
        assertThatThrownBy(() -> new RunRequest(ONE, "u", "p", withArguments, null, null))
                .hasMessageStartingWith("arguments: character U+0000 at position 7 cannot be sent")
                .message().doesNotContain("s3cret");
        assertThatThrownBy(() -> new RunRequest(ONE, "u", "p", CommandSpec.commandLine("echo \uD83D!"), null, null))
                .hasMessageStartingWith("command: an unpaired surrogate (U+D83D) at position 6");
        assertThatThrownBy(() -> new RunRequest(ONE, "u", "p", CommandSpec.commandLine("echo \uFFFF"), null, null))
                .hasMessageStartingWith("command: character U+FFFF at position 6");
    }

    @Test
    void tabsLineEndsAndCharactersBeyondTheBasicPlaneAreCarried() {
        new RunRequest(ONE, "u", "p", CommandSpec.commandLine("echo a\tb\r\nc \uD83D\uDE00 \u65E5\u672C"), null, null);
    }

    @Test
    void overSshTheSameTextIsNoWinRmConcern() {
        List<Target> ssh = TargetParser.parseLines(List.of("ssh://db1"), "hosts").targets();
        RunOptions options = RunOptions.builder().ssh(new SshSettings(null, true)).build();
        RunRequest r = new RunRequest(ssh, "u", "p", CommandSpec.commandLine("printf '\u001b[0m'"), options, null);
        assertThat(r.command().command()).contains("\u001b");
    }

    @Test
    void toStringNeverShowsThePassword() {
        RunRequest r = new RunRequest(ONE, "u", "Pa55-word!", CommandSpec.commandLine("echo Pa55-word!"), null,
                t -> t.replace("Pa55-word!", "****"));
        assertThat(r.toString()).doesNotContain("Pa55-word!").contains("password=****");
    }
}
