package io.winrminvoke.engine.powershell;

import io.winrminvoke.engine.winrm.AuthSettings;
import io.winrminvoke.engine.clixml.ClixmlStderr;
import io.winrminvoke.engine.clixml.ClixmlStderrTest;
import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.FleetRunner;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.winrm.ConnectionSettings;
import io.winrminvoke.engine.winrm.OutputSink;
import io.winrminvoke.engine.winrm.RemoteCommand;
import io.winrminvoke.engine.winrm.WinRsClient;
import io.winrminvoke.engine.winrm.WinRsClients;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import io.winrminvoke.simulator.scenario.Scenario;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PowerShell commands over the real client and fan-out against the simulator. The simulator
 * cannot run PowerShell: each host plays scripted output, and the tests assert on what reached
 * the host (the command line, the script the simulator decoded from -EncodedCommand, the stdin
 * bytes) and on how the host's bytes come back as text.
 */
class PowerShellOverSimulatorTest {

    private static final String USER = "admin";
    private static final String PASSWORD = "s3cret";

    static final String UTF8_TEXT = "日本語 ünïcödé – 😀";
    /** ① and ～ exist in Windows' 932 (windows-31j) but not in the JDK's plain Shift_JIS. */
    static final String JAPANESE_932 = "日本語のテキスト ①～";
    static final String OEM_437 = "╔═╗ café ñ ½";

    static final String PROGRESS = ClixmlStderrTest.PROGRESS;
    static final String CLIXML_ERROR = "#< CLIXML\r\n" + ClixmlStderrTest.OBJS + PROGRESS
            + "<S S=\"Error\">Cannot find path 'C:\\nope' because it does not exist._x000D__x000A_</S>"
            + "<S S=\"Error\">At line:1 char:1_x000D__x000A_</S>"
            + "<S S=\"verbose\">noise</S></Objs>";
    static final String CLIXML_PROGRESS_ONLY = "#< CLIXML\r\n" + ClixmlStderrTest.OBJS + PROGRESS + PROGRESS + "</Objs>";

    private static SimulatedFleet fleet;

    @BeforeAll
    static void startFleet() {
        String scenario = """
                { "hosts": {
                  "0": { "steps": [ {"stdout": "ok\\r\\n"} ] },
                  "1": { "steps": [ {"stdout": "done\\r\\n"} ] },
                  "2": { "steps": [ {"stdout": "args\\r\\n"} ] },
                  "3": { "exitCode": 1, "steps": [ {"stderr": %s}, {"stdout": "partial\\r\\n"}, {"stderr": %s} ] },
                  "4": { "steps": [ {"stdoutBase64": "%s"} ] },
                  "5": { "steps": [ {"stdoutBase64": "%s"} ] },
                  "6": { "steps": [ {"stdoutBase64": "%s"} ] },
                  "7": { "exitCode": 3, "steps": [ {"stderr": %s} ] }
                } }
                """.formatted(
                json(CLIXML_ERROR.substring(0, 40)), json(CLIXML_ERROR.substring(40)),
                base64(UTF8_TEXT + "\r\n", StandardCharsets.UTF_8),
                base64(JAPANESE_932 + "\r\n", Charset.forName("windows-31j")),
                base64(OEM_437 + "\r\n", Charset.forName("IBM437")),
                json(CLIXML_PROGRESS_ONLY));
        fleet = SimulatedFleet.start(FleetConfig.builder().hosts(8).user(USER).password(PASSWORD)
                .clockScale(0.01).scenario(Scenario.fromJson(scenario)).build());
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    private static HostResult run(int host, CommandSpec spec) {
        SimulatedHost h = fleet.host(host);
        RunOptions options = RunOptions.builder().connectTimeout(Duration.ofSeconds(10))
                .operationTimeout(Duration.ofSeconds(5)).auth(AuthSettings.unencryptedBasic()).build();
        RunRequest request = new RunRequest(List.of(new Target(h.address(), h.port())), USER, PASSWORD, spec,
                options, null);
        return FleetRunner.run(request, RunListener.NONE, WinRsClients::connect).hosts().get(0);
    }

    private static RequestLogEntry commandEntry(int host) {
        List<RequestLogEntry> commands = fleet.requestLog().entriesFor(fleet.host(host)).stream()
                .filter(e -> e.operation().equals(RequestLogEntry.COMMAND)).toList();
        assertThat(commands).hasSize(1);
        return commands.get(0);
    }

    /** Every stdin byte the host received, in order. */
    private static byte[] stdinReceived(int host) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        fleet.requestLog().entriesFor(fleet.host(host)).stream()
                .filter(e -> e.operation().equals(RequestLogEntry.SEND))
                .forEach(e -> bytes.writeBytes(Base64.getDecoder().decode(e.stdinBase64())));
        return bytes.toByteArray();
    }

    @Test
    void shortScriptReachesTheHostAsEncodedCommandWithTheWholeWrapper() {
        String script = "Get-Service | Where-Object Status -eq 'Running'";
        CommandSpec spec = PowerShellCommand.builder().script(script).build().toCommandSpec();

        HostResult result = run(0, spec);

        assertThat(result.status()).isEqualTo(HostStatus.SUCCEEDED);
        assertThat(result.stdout()).isEqualTo("ok\n");
        RequestLogEntry command = commandEntry(0);
        assertThat(command.commandLine()).isEqualTo(spec.command())
                .startsWith("powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ");
        byte[] payload = ScriptPayload.encode(script, Map.of());
        assertThat(command.decodedScript()).isEqualTo(WrapperScript.inline(payload, true));
        WrappedCommand received = WrappedCommand.of(command.commandLine(), null);
        assertThat(received.script()).isEqualTo(script);
        assertThat(stdinReceived(0)).isEmpty();
        // The exit-code rules, as far as they can be seen without PowerShell: preferences and a zero
        // $LASTEXITCODE before the script, exit 1 only in the catch, the native code as the last word.
        List<String> lines = command.decodedScript().lines().map(String::strip).toList();
        int invoke = lines.indexOf("& ([ScriptBlock]::Create($__wiScript)) @__wiParameters");
        assertThat(lines.indexOf("$ProgressPreference = 'SilentlyContinue'")).isBetween(0, invoke);
        assertThat(lines.indexOf("$ErrorActionPreference = 'Stop'")).isBetween(0, invoke);
        assertThat(lines.indexOf("$global:LASTEXITCODE = 0")).isBetween(0, invoke);
        assertThat(lines.subList(invoke + 1, lines.size())).containsExactly("} catch {",
                "$Host.UI.WriteErrorLine($_.ToString() + [Environment]::NewLine + $_.InvocationInfo.PositionMessage)",
                "exit 1", "}", "exit [int]$global:LASTEXITCODE");
        assertThat(lines.stream().filter(l -> l.startsWith("exit"))).hasSize(2);
    }

    @Test
    void hundredKilobyteScriptArrivesByteIdenticalThroughStdin() {
        String script = PowerShellCommandTest.hundredKilobyteScript();
        CommandSpec spec = PowerShellCommand.builder().script(script).build().toCommandSpec();

        HostResult result = run(1, spec);

        assertThat(result.status()).isEqualTo(HostStatus.SUCCEEDED);
        RequestLogEntry command = commandEntry(1);
        assertThat(command.commandLine().length()).isLessThanOrEqualTo(PowerShellCommand.MAX_COMMAND_LINE_CHARS);
        byte[] stdin = stdinReceived(1);
        assertThat(stdin).isEqualTo(spec.stdin());
        // Bootstrap as the host decoded it + the stdin bytes it received = the wrapper and the script.
        WrappedCommand received = WrappedCommand.of(command.commandLine(), stdin);
        assertThat(received.decodedScript()).isEqualTo(command.decodedScript())
                .isEqualTo(WrapperScript.stdinBootstrap(received.payload().length, true));
        assertThat(received.declaredPayloadLength()).isEqualTo(received.payload().length);
        assertThat(received.scriptBytes()).isEqualTo(script.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void argumentValuesArriveLiterallyAndNeverInTheCommandLine() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("Quoted", "it's \"both\" ‘smart’");
        args.put("Expression", "$(Stop-Computer -Force)");
        args.put("Backtick", "`$env:USERNAME`n");
        args.put("Chained", "x; Remove-Item C:\\ -Recurse; y");
        args.put("Multiline", "first\r\nsecond\n'@\n\"@");
        args.put("Password", PASSWORD + "';!%");
        CommandSpec spec = PowerShellCommand.builder()
                .script("param($Quoted, $Expression, $Backtick, $Chained, $Multiline, $Password) 'args'")
                .arguments(args).build().toCommandSpec();

        HostResult result = run(2, spec);

        assertThat(result.status()).isEqualTo(HostStatus.SUCCEEDED);
        RequestLogEntry command = commandEntry(2);
        byte[] stdin = stdinReceived(2);
        for (String value : args.values()) {
            assertThat(command.commandLine()).doesNotContain(value);
            assertThat(command.decodedScript()).doesNotContain(value);
            assertThat(new String(stdin, StandardCharsets.ISO_8859_1)).doesNotContain(value);
        }
        WrappedCommand received = WrappedCommand.of(command.commandLine(), stdin);
        assertThat(received.arguments()).containsExactlyEntriesOf(args);
        assertThat(received.decodedScript()).contains("& ([ScriptBlock]::Create($__wiScript)) @__wiParameters");
    }

    @Test
    void clixmlOnStderrArrivesOverTheWireAndConvertsToTheErrorText() throws Exception {
        // The wire level: raw chunks as the client hands them over, converted as they arrive.
        SimulatedHost h = fleet.host(3);
        ConnectionSettings settings = new ConnectionSettings(h.address(), h.port(), false, USER, PASSWORD,
                Duration.ofSeconds(10), Duration.ofSeconds(5), 65001, null, AuthSettings.unencryptedBasic());
        ClixmlStderr converter = new ClixmlStderr();
        StringBuilder stderr = new StringBuilder();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int exit;
        try (WinRsClient client = WinRsClients.connect(settings);
             RemoteCommand command = client.start(PowerShellCommand.builder().script("Get-Item C:\\nope").build()
                     .toCommandSpec().command(), List.of(), false)) {
            exit = command.awaitExit(new OutputSink() {
                @Override
                public void stdout(byte[] chunk) {
                    stdout.writeBytes(chunk);
                }

                @Override
                public void stderr(byte[] chunk) {
                    stderr.append(converter.accept(new String(chunk, StandardCharsets.UTF_8)));
                }
            }, Instant.now().plusSeconds(30));
        }
        stderr.append(converter.finish());

        assertThat(exit).isEqualTo(1);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("partial\r\n");
        assertThat(stderr.toString())
                .isEqualTo("Cannot find path 'C:\\nope' because it does not exist.\r\nAt line:1 char:1\r\n");
    }

    @Test
    void clixmlStderrIsCleanInTheHostResultAndProgressOnlyStderrIsEmpty() {
        HostResult failed = run(3, PowerShellCommand.builder().script("Get-Item C:\\nope").build().toCommandSpec());
        HostResult noisy = run(7, PowerShellCommand.builder().script("exit 3").build().toCommandSpec());

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.status()).isEqualTo(HostStatus.FAILED);
        assertThat(failed.stderr())
                .isEqualTo("Cannot find path 'C:\\nope' because it does not exist.\nAt line:1 char:1\n");
        assertThat(noisy.exitCode()).isEqualTo(3);
        assertThat(noisy.stderr()).isEmpty();
    }

    @Test
    void powerShellOutputIsDecodedAsUtf8() {
        HostResult result = run(4, PowerShellCommand.builder().script("Write-Output 'x'").build().toCommandSpec());

        assertThat(result.stdout()).isEqualTo(UTF8_TEXT + "\n");
    }

    @Test
    void plainCommandInCodepage932DecodesWindowsShiftJisBytes() {
        CommandSpec spec = new CommandSpec("type japanese.txt", List.of(), false, null, 932, false, "type");

        HostResult result = run(5, spec);

        assertThat(result.stdout()).isEqualTo(JAPANESE_932 + "\n");
    }

    @Test
    void plainCommandInCodepage437DecodesOemBytes() {
        CommandSpec spec = new CommandSpec("type oem.txt", List.of(), false, null, 437, false, "type");

        HostResult result = run(6, spec);

        assertThat(result.stdout()).isEqualTo(OEM_437 + "\n");
    }

    private static String base64(String text, Charset charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(charset));
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
