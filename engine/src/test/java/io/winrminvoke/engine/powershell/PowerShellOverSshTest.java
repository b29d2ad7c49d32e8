package io.winrminvoke.engine.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.FleetRunner;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.ssh.OpenSshExtension;
import io.winrminvoke.engine.ssh.OpenSshServer;
import io.winrminvoke.engine.ssh.SshPrivateKey;
import io.winrminvoke.engine.ssh.SshSettings;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PowerShell scripts over SSH use the same wrapper, exit-code and encoding rules as over WinRM.
 * No PowerShell runs here: a real sshd runs every command through a recorder (ForceCommand) that
 * keeps the exact command line it was asked to run ({@code SSH_ORIGINAL_COMMAND}) and the bytes of
 * its stdin, then answers as PowerShell would (UTF-8 stdout, CLIXML stderr, an exit code).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PowerShellOverSshTest {

    private static final String RECORDER = """
            #!/bin/sh
            d=$(dirname "$0")
            printf '%s' "$SSH_ORIGINAL_COMMAND" > "$d/command.txt"
            cat > "$d/stdin.bin"
            printf '%s\\n' 'UTF8_TEXT'
            printf '%s' 'CLIXML_ERROR' >&2
            exit 7
            """.replace("UTF8_TEXT", PowerShellOverSimulatorTest.UTF8_TEXT)
            .replace("CLIXML_ERROR", PowerShellOverSimulatorTest.CLIXML_ERROR.replace("'", "'\\''"));

    @RegisterExtension
    static final OpenSshExtension SSHD = OpenSshExtension.withConfig(1,
            dir -> Files.writeString(dir.resolve("recorder.sh"), RECORDER, StandardCharsets.UTF_8),
            "ForceCommand /bin/sh {dir}/recorder.sh");

    @Test
    void aShortScriptArrivesAsTheExactWinRmCommandLineWithNoStdin() throws IOException {
        CommandSpec spec = PowerShellCommand.builder().script("Get-Date; exit 7").build().toCommandSpec();

        HostResult r = run(spec);

        assertThat(recordedCommand()).isEqualTo(spec.command())
                .startsWith("powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ");
        assertThat(recordedStdin()).isEmpty();
        assertThat(WrappedCommand.of(recordedCommand(), null).script()).isEqualTo("Get-Date; exit 7");
        assertThat(r.status()).isEqualTo(HostStatus.FAILED);
        assertThat(r.exitCode()).isEqualTo(7);
    }

    @Test
    void aScriptWithArgumentsTravelsOnStdinByteForByteAndNeverInTheCommandLine() throws IOException {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("Name", "O'Brien; $(rm -rf /) 日本");
        args.put("Secret", "hunter2");
        String script = "param([string]$Name, [string]$Secret)\n" + "# padding\n".repeat(1200) + "\"Hello, $Name\"";
        CommandSpec spec = PowerShellCommand.builder().script(script).arguments(args).edition(PowerShellEdition.PWSH)
                .build().toCommandSpec();

        run(spec);

        assertThat(recordedCommand()).isEqualTo(spec.command()).startsWith("pwsh.exe ")
                .doesNotContain("hunter2").hasSizeLessThanOrEqualTo(PowerShellCommand.MAX_COMMAND_LINE_CHARS);
        assertThat(recordedStdin()).isEqualTo(spec.stdin());
        WrappedCommand received = WrappedCommand.of(recordedCommand(), recordedStdin());
        assertThat(received.script()).isEqualTo(script);
        assertThat(received.arguments()).isEqualTo(args);
        assertThat(received.declaredPayloadLength()).isEqualTo(received.payload().length);
    }

    @Test
    void outputIsDecodedAsUtf8AndClixmlStderrBecomesTextAsOverWinRm() {
        CommandSpec spec = PowerShellCommand.builder().script("Write-Output hi").build().toCommandSpec();

        HostResult r = run(spec);

        assertThat(r.stdout()).isEqualTo(PowerShellOverSimulatorTest.UTF8_TEXT + "\n");
        assertThat(r.stderr()).isEqualTo("Cannot find path 'C:\\nope' because it does not exist.\nAt line:1 char:1\n");
    }

    private static HostResult run(CommandSpec spec) {
        OpenSshServer sshd = SSHD.server();
        try {
            RunOptions options = RunOptions.builder().transport(Transport.SSH)
                    .ssh(new SshSettings(sshd.knownHosts(), false)).build();
            RunRequest request = new RunRequest(List.of(new Target("127.0.0.1", sshd.port())), sshd.user(), null,
                    spec, options, SecretMasker.of(), new SshPrivateKey(sshd.userKey(), null));
            return FleetRunner.run(request, RunListener.NONE).hosts().get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recordedCommand() throws IOException {
        return Files.readString(SSHD.server().directory().resolve("command.txt"), StandardCharsets.UTF_8);
    }

    private static byte[] recordedStdin() throws IOException {
        return Files.readAllBytes(SSHD.server().directory().resolve("stdin.bin"));
    }
}
