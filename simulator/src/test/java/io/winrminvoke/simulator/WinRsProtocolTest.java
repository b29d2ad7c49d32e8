package io.winrminvoke.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.winrminvoke.simulator.WsmanTestClient.SHELL_NS;
import static io.winrminvoke.simulator.WsmanTestClient.WSMAN_NS;
import static org.assertj.core.api.Assertions.assertThat;

/** The default behaviour (commands under /bin/sh) driven with raw SOAP over HTTP. */
class WinRsProtocolTest {
    private static SimulatedFleet fleet;
    private static WsmanTestClient client;

    @BeforeAll
    static void start() {
        fleet = SimulatedFleet.start(FleetConfig.builder().hosts(2).user("admin").password("s3cret")
                .clockScale(0.01).build());
        client = new WsmanTestClient(fleet.host(0).endpoint(), "admin", "s3cret");
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void createAnswersLikeWindowsWithShellIdSelectorAndShellBlock() {
        WsmanTestClient.Response r = client.create();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValue("application/soap+xml;charset=UTF-8");
        assertThat(r.action()).isEqualTo("http://schemas.xmlsoap.org/ws/2004/09/transfer/CreateResponse");
        assertThat(r.relatesTo()).isEqualTo(r.messageId());
        String shellId = r.firstElement(WSMAN_NS, "Selector").getTextContent();
        assertThat(r.firstElement(WSMAN_NS, "Selector").getAttribute("Name")).isEqualTo("ShellId");
        assertThat(shellId).matches("[0-9A-F-]{36}");
        assertThat(r.first(SHELL_NS, "ShellId")).isEqualTo(shellId);
        assertThat(r.first(SHELL_NS, "Owner")).isEqualTo("admin");
        assertThat(client.delete(shellId).status()).isEqualTo(200);
    }

    @Test
    void commandRunsUnderShWithRealStdoutStderrAndExitCode() {
        String shell = client.openShell();
        WsmanTestClient.Response cmd = client.command(shell, "echo hello; echo oops >&2; exit", "3");
        assertThat(cmd.action()).isEqualTo(SHELL_NS + "/CommandResponse");
        assertThat(cmd.relatesTo()).isEqualTo(cmd.messageId());
        String commandId = cmd.first(SHELL_NS, "CommandId");

        WsmanTestClient.Output out = client.receiveAll(shell, commandId);

        assertThat(out.stdoutText()).isEqualTo("hello\n");
        assertThat(out.stderrText()).isEqualTo("oops\n");
        assertThat(out.exitCode()).isEqualTo(3);
        WsmanTestClient.Response last = out.responses().get(out.responses().size() - 1);
        assertThat(last.action()).isEqualTo(SHELL_NS + "/ReceiveResponse");
        assertThat(last.relatesTo()).isEqualTo(last.messageId());
        assertThat(last.text()).contains("End=\"true\"").contains("CommandState/Done");
        assertThat(client.signal(shell, commandId, "terminate").action()).isEqualTo(SHELL_NS + "/SignalResponse");
        assertThat(client.delete(shell).action()).isEqualTo("http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse");
        assertThat(fleet.requestLog().entriesFor(fleet.host(0))).extracting(RequestLogEntry::commandLine)
                .contains("echo hello; echo oops >&2; exit 3");
    }

    @Test
    void silentCommandGetsTimedOutFaultAndThenItsOutput() {
        // OperationTimeout PT1S at scale 0.01 is 10 ms; sleep 1.5 outlasts many of them
        String shell = client.openShell();
        String cmd = client.startCommand(shell, "sleep 1.5; echo late");
        client.operationTimeout = "PT1S";
        try {
            WsmanTestClient.Response first = client.receive(shell, cmd);
            assertThat(first.status()).isEqualTo(500);
            assertThat(first.faultSubcode()).isEqualTo("w:TimedOut");
            assertThat(first.wsmanFaultCode()).isEqualTo("2150858793");
            assertThat(first.action()).isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman/fault");
            assertThat(first.relatesTo()).isEqualTo(first.messageId());

            WsmanTestClient.Output out = client.receiveAll(shell, cmd);
            assertThat(out.stdoutText()).isEqualTo("late\n");
            assertThat(out.timeouts()).isGreaterThan(0);
        } finally {
            client.operationTimeout = "PT20S";
            client.delete(shell);
        }
    }

    @Test
    void unknownShellAndReceiveAfterDeleteAreInvalidSelectors() {
        WsmanTestClient.Response unknown = client.receive("00000000-0000-0000-0000-000000000000", "X");
        assertThat(unknown.status()).isEqualTo(500);
        assertThat(unknown.faultSubcode()).isEqualTo("w:InvalidSelectors");
        assertThat(unknown.wsmanFaultCode()).isEqualTo("2150858843");

        String shell = client.openShell();
        String cmd = client.startCommand(shell, "sleep 5");
        assertThat(client.delete(shell).status()).isEqualTo(200);
        WsmanTestClient.Response afterDelete = client.receive(shell, cmd);
        assertThat(afterDelete.status()).isEqualTo(500);
        assertThat(afterDelete.faultSubcode()).isEqualTo("w:InvalidSelectors");

        String shell2 = client.openShell();
        WsmanTestClient.Response unknownCommand = client.receive(shell2, "NOT-A-COMMAND");
        assertThat(unknownCommand.faultSubcode()).isEqualTo("w:InvalidSelectors");
        assertThat(client.delete(shell2).status()).isEqualTo(200);
        assertThat(client.delete(shell2).faultSubcode()).isEqualTo("w:InvalidSelectors");
    }

    @Test
    void stdinSentIsForwardedToTheProcess() {
        String shell = client.openShell();
        String cmd = client.startCommand(shell, "tr a-z A-Z");
        assertThat(client.send(shell, cmd, "abc".getBytes(StandardCharsets.UTF_8), false).action())
                .isEqualTo(SHELL_NS + "/SendResponse");
        client.send(shell, cmd, "def\n".getBytes(StandardCharsets.UTF_8), true);

        WsmanTestClient.Output out = client.receiveAll(shell, cmd);

        assertThat(out.stdoutText()).isEqualTo("ABCDEF\n");
        assertThat(fleet.requestLog().entriesFor(fleet.host(0))).filteredOn(e -> e.operation().equals("Send"))
                .extracting(RequestLogEntry::stdinBase64)
                .contains(Base64.getEncoder().encodeToString("abc".getBytes(StandardCharsets.UTF_8)));
        client.delete(shell);
    }

    @Test
    void terminateSignalKillsTheProcessTree() throws Exception {
        String shell = client.openShell();
        String cmd = client.startCommand(shell, "sleep 300 & echo $!; wait");
        WsmanTestClient.Response first = client.receive(shell, cmd);
        String b64 = first.first(SHELL_NS, "Stream");
        long pid = Long.parseLong(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8).trim());
        ProcessHandle child = ProcessHandle.of(pid).orElseThrow();

        client.signal(shell, cmd, "terminate");

        child.onExit().get(10, TimeUnit.SECONDS);
        assertThat(child.isAlive()).isFalse();
        assertThat(client.receive(shell, cmd).faultSubcode()).isEqualTo("w:InvalidSelectors");
        client.delete(shell);
    }

    @Test
    void deleteKillsRunningCommands() throws Exception {
        String shell = client.openShell();
        String cmd = client.startCommand(shell, "sleep 300 & echo $!; wait");
        String b64 = client.receive(shell, cmd).first(SHELL_NS, "Stream");
        long pid = Long.parseLong(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8).trim());

        client.delete(shell);

        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void largeOutputIsSplitOverReceivesThatFitMaxEnvelopeSize() {
        WsmanTestClient small = new WsmanTestClient(fleet.host(1).endpoint(), "admin", "s3cret");
        small.maxEnvelopeSize = 16384;
        WsmanTestClient.Output out = small.run("head -c 300000 /dev/zero | tr '\\000' x");

        assertThat(out.stdout()).hasSize(300000);
        assertThat(out.receives()).isGreaterThan(20);
        assertThat(out.responses()).allSatisfy(r -> assertThat(r.raw().body().length).isLessThanOrEqualTo(16384));
    }

    @Test
    void encodedCommandScriptIsDecodedIntoTheLog() {
        String script = "Write-Output 'héllo'";
        String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
        client.run("powershell", "-NoProfile", "-EncodedCommand", encoded);

        List<RequestLogEntry> commands = fleet.requestLog().entries().stream()
                .filter(e -> "Command".equals(e.operation()) && e.commandLine().contains(encoded)).toList();
        assertThat(commands).singleElement().satisfies(e -> {
            assertThat(e.decodedScript()).isEqualTo(script);
            assertThat(e.commandLine()).isEqualTo("powershell -NoProfile -EncodedCommand " + encoded);
        });
    }

    @Test
    void countersTrackConcurrentShells() {
        int before = fleet.host(1).counters().maxConcurrentShells();
        WsmanTestClient c = new WsmanTestClient(fleet.host(1).endpoint(), "admin", "s3cret");
        String a = c.openShell();
        String b = c.openShell();
        String d = c.openShell();
        assertThat(fleet.host(1).counters().openShells()).isEqualTo(3);
        c.delete(a);
        c.delete(b);
        c.delete(d);
        assertThat(fleet.host(1).counters().openShells()).isZero();
        assertThat(fleet.host(1).counters().maxConcurrentShells()).isGreaterThanOrEqualTo(Math.max(before, 3));
        assertThat(fleet.counters().maxConcurrentShells()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void ctrlCEndsTheProcessAndItsExitCodeCanStillBeReceived() {
        String shell = client.openShell();
        String cmd = client.startCommand(shell, "echo started; exec sleep 300");
        client.operationTimeout = "PT1S";
        try {
            assertThat(client.receive(shell, cmd).text()).contains("CommandState/Running");
            assertThat(client.signal(shell, cmd, "ctrl_c").status()).isEqualTo(200);
            WsmanTestClient.Output out = client.receiveAll(shell, cmd);
            assertThat(out.exitCode()).isEqualTo(143); // SIGTERM, the /bin/sh stand-in for Ctrl+C
        } finally {
            client.operationTimeout = "PT20S";
            client.delete(shell);
        }
    }

    @Test
    void commandLineLongerThanCmdExeAllowsIsNotRun() {
        String tooLong = "echo " + "x".repeat(8200);
        WsmanTestClient.Output out = client.run(tooLong);
        assertThat(out.stdoutText()).isEmpty();
        assertThat(out.stderrText()).isEqualTo("The command line is too long.\r\n");
        assertThat(out.exitCode()).isEqualTo(1);
        assertThat(client.run("echo " + "y".repeat(8000)).stdoutText()).hasSize(8001);
    }

    @Test
    void stopListeningCutsOpenConnectionsAndKeepsShells() throws InterruptedException {
        // real time: the Receive must still be waiting (OperationTimeout 20 s) when the port closes
        try (SimulatedFleet realTime = SimulatedFleet.start(FleetConfig.builder().password("s3cret").build())) {
            SimulatedHost host = realTime.host(0);
            WsmanTestClient c = new WsmanTestClient(host.endpoint(), "admin", "s3cret");
            String shell = c.openShell();
            String cmd = c.startCommand(shell, "sleep 300");
            long before = host.counters().requests();
            CompletableFuture<WsmanTestClient.Response> waiting = CompletableFuture.supplyAsync(() -> c.receive(shell, cmd));
            while (host.counters().requests() == before && !waiting.isDone()) {
                Thread.sleep(5);
            }
            host.stopListening();
            assertThat(waiting).failsWithin(Duration.ofSeconds(20));
            host.startListening();
            assertThat(c.signal(shell, cmd, "terminate").status()).isEqualTo(200);
            assertThat(c.delete(shell).status()).isEqualTo(200);
        }
    }
}
