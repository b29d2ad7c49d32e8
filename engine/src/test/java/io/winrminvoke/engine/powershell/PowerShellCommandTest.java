package io.winrminvoke.engine.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.options.InvalidInputException;
import io.winrminvoke.engine.run.CommandSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PowerShellCommandTest {

    private static final String SWITCHES = " -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ";

    private static WrappedCommand wrapped(CommandSpec spec) {
        return WrappedCommand.of(spec.command(), spec.stdin());
    }

    @Test
    void shortScriptRunsAsEncodedCommandWithThePreludeAndTheScriptInline() {
        CommandSpec spec = PowerShellCommand.builder().script("Write-Output 'hi'").build().toCommandSpec();

        assertThat(spec.command()).startsWith("powershell.exe" + SWITCHES);
        assertThat(spec.arguments()).isEmpty();
        assertThat(spec.stdin()).isNull();
        assertThat(spec.skipCmdShell()).isFalse();
        assertThat(spec.codepage()).isEqualTo(65001);
        assertThat(spec.clixmlStderr()).isTrue();
        WrappedCommand w = wrapped(spec);
        assertThat(w.decodedScript()).containsSubsequence(
                "$ProgressPreference = 'SilentlyContinue'\n",
                "try { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false } catch { }\n",
                "$OutputEncoding = New-Object System.Text.UTF8Encoding $false\n",
                "$ErrorActionPreference = 'Stop'\n",
                "$global:LASTEXITCODE = 0\n",
                "& ([ScriptBlock]::Create($__wiScript)) @__wiParameters\n",
                "} catch {\n",
                "exit 1\n",
                "exit [int]$global:LASTEXITCODE\n");
        assertThat(w.script()).isEqualTo("Write-Output 'hi'");
        assertThat(w.arguments()).isEmpty();
        assertThat(w.declaredPayloadLength()).isEqualTo(w.payload().length);
    }

    @Test
    void pwshEditionStartsPwsh() {
        CommandSpec spec = PowerShellCommand.builder().script("$PSVersionTable").edition(PowerShellEdition.PWSH)
                .build().toCommandSpec();

        assertThat(spec.command()).startsWith("pwsh.exe" + SWITCHES);
        assertThat(spec.description()).startsWith("pwsh.exe script");
    }

    @Test
    void errorActionStopIsOnByDefaultAndCanBeTurnedOff() {
        String stop = wrapped(PowerShellCommand.builder().script("x").build().toCommandSpec()).decodedScript();
        String go = wrapped(PowerShellCommand.builder().script("x").errorActionStop(false).build().toCommandSpec())
                .decodedScript();

        assertThat(stop).contains("$ErrorActionPreference = 'Stop'");
        assertThat(go).doesNotContain("ErrorActionPreference");
        assertThat(go.replace("$ErrorActionPreference = 'Stop'\n", "")).isEqualTo(go);
        assertThat(stop.replace("$ErrorActionPreference = 'Stop'\n", "")).isEqualTo(go);
    }

    @Test
    void longestInlineScriptFitsTheCommandLineAndOneMoreCharacterMovesItToStdin() {
        int inline = 0;
        for (int n = 1; n < 8191; n++) {
            CommandSpec spec = PowerShellCommand.builder().script("#".repeat(n)).build().toCommandSpec();
            if (spec.stdin() != null) {
                break;
            }
            assertThat(spec.command().length()).isLessThanOrEqualTo(8191);
            inline = n;
        }
        assertThat(inline).as("longest script that still travels inline").isGreaterThan(500);

        CommandSpec next = PowerShellCommand.builder().script("#".repeat(inline + 1)).build().toCommandSpec();
        assertThat(next.stdin()).isNotNull();
        assertThat(next.command().length()).isLessThanOrEqualTo(8191);
        assertThat(wrapped(next).script()).isEqualTo("#".repeat(inline + 1));
    }

    @Test
    void hundredKilobyteScriptTravelsOnStdinByteIdentical() {
        String script = hundredKilobyteScript();
        CommandSpec spec = PowerShellCommand.builder().script(script).build().toCommandSpec();

        assertThat(spec.command().length()).isLessThanOrEqualTo(PowerShellCommand.MAX_COMMAND_LINE_CHARS);
        assertThat(spec.stdin()).isNotNull();
        assertThat(new String(spec.stdin(), StandardCharsets.ISO_8859_1)).matches("(?s)[A-Za-z0-9+/=\r\n]+");
        WrappedCommand w = wrapped(spec);
        assertThat(w.decodedScript()).contains("$__wiPayload = [Convert]::FromBase64String((@($input) -join ''))");
        assertThat(w.scriptBytes()).isEqualTo(script.getBytes(StandardCharsets.UTF_8));
        assertThat(w.declaredPayloadLength()).isEqualTo(w.payload().length);
        assertThat(spec.description()).contains("sent on stdin").doesNotContain("Write-Output");
    }

    @Test
    void stdinBootstrapAndInlineWrapperDifferOnlyInHowThePayloadIsObtained() {
        byte[] payload = ScriptPayload.encode("Get-Date", Map.of());
        String inline = WrapperScript.inline(payload, true);
        String bootstrap = WrapperScript.stdinBootstrap(payload.length, true);

        String literal = "[Convert]::FromBase64String('" + Base64.getEncoder().encodeToString(payload) + "')";
        assertThat(inline.replace(literal, WrapperScript.FROM_STDIN)).isEqualTo(bootstrap);
    }

    @Test
    void argumentsWithShellAndPowerShellMetacharactersArriveAsLiteralValues() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("Quotes", "it's \"quoted\" ‘smart’ ’x‚ ‛y");
        args.put("Subexpression", "$(Remove-Item C:\\ -Recurse) and $env:PATH");
        args.put("Backticks", "`n`r`0 end`");
        args.put("Semicolons", "a; exit 7; b & c | d");
        args.put("Newlines", "line1\nline2\r\n'@\n\"@\n#>");
        args.put("Password", "p@ss;w0rd:=%PATH%!");
        args.put("Empty", "");
        CommandSpec spec = PowerShellCommand.builder().script("param($Quotes) $Quotes").arguments(args)
                .build().toCommandSpec();

        WrappedCommand w = wrapped(spec);
        // Values are on stdin only, base64-encoded: the command line holds none of them in any form.
        assertThat(spec.stdin()).isNotNull();
        for (String value : args.values()) {
            if (!value.isEmpty()) {
                assertThat(w.decodedScript()).doesNotContain(value);
                assertThat(spec.command()).doesNotContain(Base64.getEncoder().encodeToString(
                        value.getBytes(StandardCharsets.UTF_8)));
                assertThat(new String(spec.stdin(), StandardCharsets.US_ASCII)).doesNotContain(value);
            }
        }
        assertThat(w.argumentLine()).matches("[A-Za-z0-9_]+:[A-Za-z0-9+/=]*(;[A-Za-z0-9_]+:[A-Za-z0-9+/=]*)*");
        assertThat(w.arguments()).containsExactlyEntriesOf(args);
        assertThat(w.script()).isEqualTo("param($Quotes) $Quotes");
        assertThat(spec.description()).contains("Password").doesNotContain("p@ss");
    }

    @Test
    void argumentNameThatIsNotAPowerShellIdentifierIsRejectedByName() {
        for (String bad : new String[] {"bad-name", "1st", "a b", "x;y", "$x", "", "ä"}) {
            assertThatThrownBy(() -> PowerShellCommand.builder().script("x").arguments(Map.of(bad, "v")).build())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("powershell argument name");
        }
    }

    @Test
    void argumentNamesDifferingOnlyInCaseAreRejected() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("Name", "a");
        args.put("NAME", "b");

        assertThatThrownBy(() -> PowerShellCommand.builder().script("x").arguments(args).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'NAME'").hasMessageContaining("'Name'");
    }

    @Test
    void argumentWithoutValueAndEmptyScriptAreRejected() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("Name", null);

        assertThatThrownBy(() -> PowerShellCommand.builder().script("x").arguments(args).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'Name'");
        assertThatThrownBy(() -> PowerShellCommand.builder().script("  \n").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("powershell script");
        assertThatThrownBy(() -> PowerShellCommand.builder().build())
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void textThatHasNoUtf8FormIsRejectedInsteadOfAltered() {
        assertThatThrownBy(() -> PowerShellCommand.builder().script("Write-Output 'a\uD800b'").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("powershell script")
                .hasMessageContaining("character 15");
        assertThatThrownBy(() -> PowerShellCommand.builder().script("x").arguments(Map.of("V", "\uDC00")).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'V'");
    }

    @Test
    void toStringNamesArgumentsButNeverShowsValues() {
        PowerShellCommand command = PowerShellCommand.builder().script("x")
                .arguments(Map.of("Password", "s3cret-value")).build();

        assertThat(command.toString()).contains("Password").doesNotContain("s3cret-value");
    }

    @Test
    void nonAsciiScriptIsCarriedAsUtf8() {
        String script = "Write-Output '日本語 – ünïcödé 😀'";
        CommandSpec spec = PowerShellCommand.builder().script(script).build().toCommandSpec();

        assertThat(wrapped(spec).scriptBytes()).isEqualTo(script.getBytes(StandardCharsets.UTF_8));
    }

    static String hundredKilobyteScript() {
        StringBuilder script = new StringBuilder("# 100 KB: every line differs, with quotes, ` and non-ASCII\r\n");
        for (int i = 0; script.length() < 100 * 1024; i++) {
            script.append("Write-Output \"line ").append(i).append(" 'quoted' `$(not run) – 日本\"\r\n");
        }
        return script.toString();
    }
}
