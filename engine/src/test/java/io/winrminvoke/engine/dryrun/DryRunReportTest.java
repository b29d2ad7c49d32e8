package io.winrminvoke.engine.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.powershell.PowerShellCommand;
import io.winrminvoke.engine.rollout.RolloutPolicy;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.ssh.SshSettings;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.TargetParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunReportTest {

    private static final String PASSWORD = "Pa55-w0rd!";

    private static RunRequest request(List<Target> targets, CommandSpec command, RunOptions options) {
        return new RunRequest(targets, "CORP\\deploy", PASSWORD, command, options, SecretMasker.of(PASSWORD));
    }

    private static List<Target> hosts(String... entries) {
        return TargetParser.parseLines(List.of(entries), "--host").targets();
    }

    @Test
    void everyTargetWithItsUrlItsPortsOriginAndItsWave() {
        RunOptions options = RunOptions.builder().https(true).rollout(RolloutPolicy.of("1,50%", "0", false)).build();
        RunRequest request = request(hosts("web01", "web02:15986", "[fe80::7]", "web04"),
                CommandSpec.commandLine("ipconfig"), options);

        List<String> lines = DryRunReport.render(request, Map.of(), Map.of());

        assertThat(lines).containsSubsequence(
                "Targets: 4 hosts, 3 waves of 1, 2, 1 hosts (waves 1,50%, hosts in list order)",
                "  wave 1/3: 1 host",
                "    web01        https://web01:5986/wsman  (default port for HTTPS)",
                "  wave 2/3: 2 hosts",
                "    web02:15986  https://web02:15986/wsman  (port from the host entry)",
                "    fe80::7      https://[fe80::7]:5986/wsman  (default port for HTTPS)",
                "  wave 3/3: 1 host",
                "    web04        https://web04:5986/wsman  (default port for HTTPS)",
                "",
                "Failure budget: 0 failed hosts. A wave that ends with more failed hosts stops the rollout (inside "
                        + "a wave, no further host starts once it can only end over budget; hosts in flight finish); "
                        + "the hosts left end SKIPPED 'not attempted: rollout stopped after wave K (F of N failed, "
                        + "budget 0)'");
    }

    @Test
    void theRunsPortOptionIsNamedWithWhereItCameFrom() {
        RunRequest request = request(hosts("web01"), CommandSpec.commandLine("ver"),
                RunOptions.builder().port(15985).build());

        List<String> lines = DryRunReport.render(request, Map.of(), Map.of("port", OptionSource.file("@args (--port)")));

        assertThat(lines).contains("Targets: 1 host, one wave (no waves given)",
                "    web01  http://web01:15985/wsman  (port from file @args (--port))",
                "Failure budget: none");
    }

    @Test
    void anSshTargetShowsItsSshAddressAndTheRunsPortOnlyForHostsOfTheRunsTransport(@TempDir Path dir)
            throws IOException {
        Path knownHosts = Files.createFile(dir.resolve("known_hosts"));
        RunOptions options = RunOptions.builder().port(15985).ssh(new SshSettings(knownHosts, false)).build();
        RunRequest request = request(hosts("ssh://web05", "web06", "ssh://web07:2222"), CommandSpec.commandLine("ver"),
                options);

        List<String> lines = DryRunReport.render(request, Map.of(), Map.of("port", OptionSource.flag("--port")));

        assertThat(lines).contains(
                "    ssh://web05       ssh://web05:22  (default port for SSH)",
                "    web06             http://web06:15985/wsman  (port from flag --port)",
                "    ssh://web07:2222  ssh://web07:2222  (port from the host entry)");
    }

    @Test
    void optionsShowTheirValueAndSourceAndThePasswordIsMasked() {
        Map<String, Object> effective = new LinkedHashMap<>();
        effective.put("user", "CORP\\deploy");
        effective.put("throttle", 32);
        effective.put("commandTimeout", null);
        effective.put("waves", "1,10%");
        effective.put("note", "contains " + PASSWORD);
        RunRequest request = request(hosts("web01"), CommandSpec.commandLine("ver"), RunOptions.defaults());

        List<String> lines = DryRunReport.render(request, effective,
                Map.of("user", OptionSource.flag("--user"), "waves", OptionSource.file("@deploy.args (--waves)")));

        assertThat(lines).containsSubsequence("Options (value, where it came from):",
                "  user            CORP\\deploy    flag --user",
                "  throttle        32             default",
                "  commandTimeout  none           default",
                "  waves           1,10%          file @deploy.args (--waves)",
                "  note            contains ****  default",
                "  password        ****           masked");
        assertThat(String.join("\n", lines)).doesNotContain(PASSWORD);
    }

    @Test
    void aPowerShellScriptShowsItsCommandLineOnceAndTheWrapperDecoded() {
        CommandSpec script = PowerShellCommand.builder().script("Restart-Service W3SVC\nexit 0").build().toCommandSpec();
        List<Target> fleet = IntStream.range(0, 500).mapToObj(i -> new Target("web" + i, 0)).toList();

        List<String> lines = DryRunReport.render(request(fleet, script, RunOptions.defaults()), Map.of(), Map.of());

        assertThat(lines).filteredOn(l -> l.contains(" -EncodedCommand ")).singleElement().asString()
                .isEqualTo("  " + script.command());
        assertThat(lines).containsSubsequence(
                "Command line, the same for all 500 hosts (run by cmd.exe, code page 65001):",
                "-EncodedCommand decoded (UTF-16LE): the wrapper PowerShell runs on each host:",
                "  | # winrm-invoke wrapper, see docs/powershell.md",
                "  | $ProgressPreference = 'SilentlyContinue'",
                "  | exit [int]$global:LASTEXITCODE",
                "",
                "The script it runs (decoded from the wrapper):",
                "  | Restart-Service W3SVC",
                "  | exit 0",
                "Stdin: none");
    }

    @Test
    void argumentsTravelOnStdinAndThePasswordArgumentIsMasked() {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("Site", "Default Web Site");
        arguments.put("Secret", PASSWORD);
        CommandSpec script = PowerShellCommand.builder().script("param($Site, $Secret) \"$Site\"")
                .arguments(arguments).build().toCommandSpec();

        List<String> lines = DryRunReport.render(request(hosts("web01"), script, RunOptions.defaults()), Map.of(),
                Map.of());

        assertThat(lines).containsSubsequence("The script it runs (decoded from stdin):",
                "  | param($Site, $Secret) \"$Site\"",
                "Its arguments (sent on stdin, never on the command line):",
                "  -Site Default Web Site",
                "  -Secret ****");
        assertThat(lines).anyMatch(l -> l.matches("Stdin: \\d+ bytes, the script and its arguments in base64"));
        assertThat(String.join("\n", lines)).doesNotContain(PASSWORD);
    }

    @Test
    void aPlainCommandLineIsShownAsSent() {
        List<String> lines = DryRunReport.render(request(hosts("a", "b"), CommandSpec.commandLine("dir C:\\ /s"),
                RunOptions.defaults()), Map.of(), Map.of());

        assertThat(lines).containsSubsequence("Command line, the same for all 2 hosts (run by cmd.exe, code page 65001):",
                "  dir C:\\ /s", "Stdin: none");
        assertThat(lines).noneMatch(l -> l.contains("decoded"));
    }
}
