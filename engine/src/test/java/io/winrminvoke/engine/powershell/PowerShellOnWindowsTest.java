package io.winrminvoke.engine.powershell;

import io.winrminvoke.engine.clixml.ClixmlStderr;
import io.winrminvoke.engine.clixml.ClixmlStderrTest;
import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.FleetRunner;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.winrm.TlsSettings;
import io.winrminvoke.engine.winrm.WinRsClients;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks of {@link PowerShellOverSimulatorTest}, this time with real PowerShell on a real
 * Windows host: WINRM_IT_HOST, WINRM_IT_USER, WINRM_IT_PASSWORD (optional WINRM_IT_PORT,
 * WINRM_IT_HTTPS=true, WINRM_IT_INSECURE=true for a self-signed certificate, WINRM_IT_PWSH=true
 * to also run under pwsh.exe). Without them every test is skipped, and the reason is printed.
 */
class PowerShellOnWindowsTest {

    private static final String HOST = System.getenv("WINRM_IT_HOST");
    private static final String USER = System.getenv("WINRM_IT_USER");
    private static final String PASSWORD = System.getenv("WINRM_IT_PASSWORD");

    private static final boolean CONFIGURED = notBlank(HOST) && notBlank(USER) && PASSWORD != null;
    private static final String SKIP_REASON = "PowerShellOnWindowsTest skipped: set WINRM_IT_HOST, WINRM_IT_USER and "
            + "WINRM_IT_PASSWORD to run PowerShell checks against a real Windows host";

    @BeforeAll
    static void sayWhySkipped() {
        if (!CONFIGURED) {
            // Surefire counts the skipped tests; this line says why, once, in Maven's output.
            System.out.println("[SKIPPED] " + SKIP_REASON);
        }
    }

    @BeforeEach
    void requireWindowsHost() {
        Assumptions.assumeTrue(CONFIGURED, SKIP_REASON);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static HostResult run(PowerShellCommand command) {
        return run(command.toCommandSpec());
    }

    private static HostResult run(CommandSpec spec) {
        boolean https = "true".equalsIgnoreCase(System.getenv("WINRM_IT_HTTPS"));
        String port = System.getenv("WINRM_IT_PORT");
        RunOptions options = RunOptions.builder().https(https)
                .port(notBlank(port) ? Integer.valueOf(port) : null)
                .tls("true".equalsIgnoreCase(System.getenv("WINRM_IT_INSECURE"))
                        ? new TlsSettings(null, true) : TlsSettings.verifying())
                .connectTimeout(Duration.ofSeconds(15)).operationTimeout(Duration.ofSeconds(20))
                .commandTimeout(Duration.ofMinutes(2)).outputLimitBytes(1024 * 1024).build();
        RunRequest request = new RunRequest(List.of(new Target(HOST, 0)), USER, PASSWORD, spec, options, null);
        HostResult result = FleetRunner.run(request, RunListener.NONE, WinRsClients::connect).hosts().get(0);
        assertThat(result.exitCode()).as("no exit code; message: %s", result.message()).isNotNull();
        return result;
    }

    /** The host's stderr as a person reads it (converting again is harmless once the runner does it). */
    private static String stderr(HostResult result) {
        return ClixmlStderr.toText(result.stderr());
    }

    private static PowerShellCommand.Builder script(String script) {
        boolean pwsh = "true".equalsIgnoreCase(System.getenv("WINRM_IT_PWSH"));
        return PowerShellCommand.builder().script(script)
                .edition(pwsh ? PowerShellEdition.PWSH : PowerShellEdition.WINDOWS_POWERSHELL);
    }

    @Test
    void exitInsideAFunctionEndsTheScriptWithItsCode() {
        HostResult result = run(script("function Fail { exit 7 }\ntry { Fail } catch { 'caught' }\n'not reached'").build());

        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.stdout()).doesNotContain("caught").doesNotContain("not reached");
    }

    @Test
    void uncaughtThrowExitsOneWithItsMessageOnStderr() {
        HostResult result = run(script("'before'\nthrow 'boom from the script'\n'after'").build());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("before").doesNotContain("after");
        assertThat(stderr(result)).contains("boom from the script").doesNotContain("CLIXML");
    }

    @Test
    void lastNativeExitCodeIsTheScriptsExitCode() {
        assertThat(run(script("cmd.exe /c exit 5").build()).exitCode()).isEqualTo(5);
        assertThat(run(script("cmd.exe /c exit 5\ncmd.exe /c exit 0").build()).exitCode()).isEqualTo(0);
        assertThat(run(script("Get-Date | Out-Null").build()).exitCode()).isEqualTo(0);
    }

    @Test
    void nonTerminatingErrorStopsOnlyWithErrorActionStop() {
        String failing = "Get-Item -LiteralPath 'C:\\winrm-invoke-does-not-exist'\n'after'";

        HostResult stop = run(script(failing).build());
        HostResult go = run(script(failing).errorActionStop(false).build());

        assertThat(stop.exitCode()).isEqualTo(1);
        assertThat(stop.stdout()).doesNotContain("after");
        assertThat(go.exitCode()).isEqualTo(0);
        assertThat(go.stdout()).contains("after");
        assertThat(stderr(go)).contains("winrm-invoke-does-not-exist").doesNotContain("<Objs");
    }

    @Test
    void hundredKilobyteScriptRunsByteIdentical() throws Exception {
        String body = PowerShellCommandTest.hundredKilobyteScript().replace("Write-Output", "$null =");
        String script = body + "$t = $MyInvocation.MyCommand.ScriptBlock.ToString()\n"
                + "$h = [Security.Cryptography.SHA256]::Create().ComputeHash([Text.Encoding]::UTF8.GetBytes($t))\n"
                + "'sha256=' + ([BitConverter]::ToString($h) -replace '-', '').ToLowerInvariant()\n";
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));

        HostResult result = run(script(script).build());

        assertThat(result.exitCode()).as("stderr: %s", stderr(result)).isEqualTo(0);
        assertThat(result.stdout()).contains("sha256=" + expected);
    }

    @Test
    void argumentsArriveAsLiteralTypedParameters() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("Quoted", "it's \"both\" ‘smart’");
        args.put("Expression", "$(Get-Date) $env:USERNAME");
        args.put("Backtick", "`n`t end`");
        args.put("Chained", "a; exit 9; b | c & d");
        args.put("Count", "3");
        String script = "param([string]$Quoted, [string]$Expression, [string]$Backtick, [string]$Chained, [int]$Count)\n"
                + "'Q=' + $Quoted\n'E=' + $Expression\n'B=' + $Backtick\n'C=' + $Chained\n'N=' + ($Count + 1)\n";

        HostResult result = run(script(script).arguments(args).build());

        assertThat(result.exitCode()).as("stderr: %s", stderr(result)).isEqualTo(0);
        assertThat(result.stdout()).isEqualTo("Q=" + args.get("Quoted") + "\nE=" + args.get("Expression")
                + "\nB=" + args.get("Backtick") + "\nC=" + args.get("Chained") + "\nN=4\n");
    }

    @Test
    void nonAsciiOutputArrivesAsUtf8AndProgressLeavesStderrEmpty() {
        String text = "日本語 ünïcödé – 😀";
        HostResult result = run(script("Write-Progress -Activity 'busy' -Status 'half' -PercentComplete 50\n"
                + "Write-Output '" + text + "'").build());

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.stdout()).isEqualTo(text + "\n");
        assertThat(stderr(result)).isEmpty();
    }

    @Test
    void warningIsShownAndVerboseIsNot() {
        HostResult result = run(script("$VerbosePreference = 'Continue'\nWrite-Verbose 'chatty'\n"
                + "Write-Warning 'careful'\n'done'").build());

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(stderr(result)).contains("WARNING: careful").doesNotContain("chatty");
    }
}
