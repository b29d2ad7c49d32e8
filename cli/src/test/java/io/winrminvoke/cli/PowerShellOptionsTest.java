package io.winrminvoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.cli.InProcessCli.Outcome;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatorExtension;
import io.winrminvoke.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The PowerShell options reach the host as the engine's -EncodedCommand wrapper, as the simulator decodes it. */
class PowerShellOptionsTest {

    private static final Map<String, String> ENV = Map.of("PW", "Ps-Pw-9");

    @TempDir
    Path dir;

    // scripted answer: the simulator does not run powershell.exe, it records what it was asked to run
    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.with(
            FleetConfig.builder().hosts(1).user("u").password("Ps-Pw-9")
                .scenario(Scenario.fromJson("{\"hosts\": {\"0\": {\"steps\": [{\"stdout\": \"ran\\r\\n\"}]}}}")));

    private int seen;

    @BeforeEach
    void rememberLog() {
        seen = sim.fleet().requestLog().entries().size();
    }

    @Test
    void powershellRunsWindowsPowerShellWithAnEncodedScript() {
        Outcome outcome = run("--powershell", "Get-Service W3SVC | Restart-Service");

        assertThat(outcome.exitStatus()).as(outcome.toString()).isZero();
        String commandLine = commandEntry().commandLine();
        assertThat(commandLine).startsWith("powershell.exe").contains("-EncodedCommand");
        assertThat(commandEntry().decodedScript()).isNotBlank();
    }

    @Test
    void editionPwshRunsPowerShell7() {
        Outcome outcome = run("--powershell", "Get-Date", "--powershell-edition", "pwsh");

        assertThat(outcome.exitStatus()).as(outcome.toString()).isZero();
        assertThat(commandEntry().commandLine()).startsWith("pwsh.exe");
    }

    @Test
    void scriptFileAndArgumentsTravelOffTheCommandLine() throws Exception {
        Path script = Files.writeString(dir.resolve("deploy.ps1"), "param($Build)\nWrite-Output \"build $Build\"\n");

        Outcome outcome = run("--powershell-file", script.toString(), "--powershell-arg", "Build=build-4711");

        assertThat(outcome.exitStatus()).as(outcome.toString()).isZero();
        assertThat(commandEntry().commandLine()).startsWith("powershell.exe").doesNotContain("build-4711");
        assertThat(newEntries()).anyMatch(e -> RequestLogEntry.SEND.equals(e.operation()));
    }

    @Test
    void passwordArgReachesTheScriptAsAParameterAndStaysMasked() throws Exception {
        Path script = Files.writeString(dir.resolve("join.ps1"), "param($Password)\nWrite-Output \"pw is $Password\"\n");

        Outcome outcome = run("--powershell-file", script.toString(), "--password-arg", "Password");

        assertThat(outcome.exitStatus()).as(outcome.toString()).isZero();
        assertThat(commandEntry().commandLine()).doesNotContain("Ps-Pw-9");
        String sent = newEntries().stream().filter(e -> RequestLogEntry.SEND.equals(e.operation()))
                .map(e -> new String(java.util.Base64.getDecoder().decode(e.stdinBase64()),
                        java.nio.charset.StandardCharsets.US_ASCII))
                .collect(java.util.stream.Collectors.joining()).replaceAll("\\s", "");
        String payload = new String(java.util.Base64.getDecoder().decode(sent), java.nio.charset.StandardCharsets.UTF_8);
        String encodedPassword = java.util.Base64.getEncoder()
                .encodeToString("Ps-Pw-9".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(payload).startsWith("Password:" + encodedPassword + "\n");
        assertThat(outcome.toString()).doesNotContain("Ps-Pw-9");
    }

    @Test
    void passwordArgNeedsAScriptAndItsOwnName() {
        assertThat(run("--command", "whoami", "--password-arg", "Password").exitStatus()).isEqualTo(2);
        Outcome clash = run("--powershell", "param($Password)", "--password-arg", "Password",
                "--powershell-arg", "password=x");
        assertThat(clash.exitStatus()).isEqualTo(2);
        assertThat(clash.toString()).contains("--password-arg");
        assertThat(newEntries()).isEmpty();
    }

    @Test
    void aScriptFileSavedAsUtf16ByWindowsPowerShellIsRead() throws Exception {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] body = "Write-Output 'gr\u00fc\u00dfe'\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        Path script = dir.resolve("out-file.ps1");
        Files.write(script, java.nio.ByteBuffer.allocate(bom.length + body.length).put(bom).put(body).array());

        Outcome outcome = run("--powershell-file", script.toString());

        assertThat(outcome.exitStatus()).as(outcome.toString()).isZero();
        java.util.regex.Matcher payload = java.util.regex.Pattern.compile("FromBase64String\\('([^']+)'\\)")
                .matcher(commandEntry().decodedScript());
        assertThat(payload.find()).isTrue();
        assertThat(new String(java.util.Base64.getDecoder().decode(payload.group(1)),
                java.nio.charset.StandardCharsets.UTF_8)).contains("Write-Output 'gr\u00fc\u00dfe'");
    }

    private Outcome run(String... commandArgs) {
        List<String> args = new ArrayList<>(List.of("run", "--host", sim.fleet().host(0).hostAndPort(), "--user", "u",
                "--password-env", "PW", "--auth", "basic", "--allow-unencrypted",
                "--report-dir", dir.resolve("reports").toString()));
        return InProcessCli.run(ENV, InProcessCli.args(args, commandArgs));
    }

    private List<RequestLogEntry> newEntries() {
        List<RequestLogEntry> all = sim.fleet().requestLog().entries();
        return all.subList(seen, all.size());
    }

    private RequestLogEntry commandEntry() {
        return newEntries().stream().filter(e -> RequestLogEntry.COMMAND.equals(e.operation()))
                .findFirst().orElseThrow();
    }
}
