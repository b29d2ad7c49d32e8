package io.winrminvoke.simulator;

import io.winrminvoke.simulator.auth.AuthSettings;
import io.winrminvoke.simulator.auth.cbt.CbtHardeningLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorMainTest {
    @TempDir
    Path dir;

    @Test
    void launcherProcessPrintsReadyWritesInventoryAndServesUntilKilled() throws Exception {
        Path inventory = dir.resolve("inventory.txt");
        Path log = dir.resolve("requests.jsonl");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SimulatorMain.class.getName(), "--hosts", "3", "--user", "admin", "--password", "s3cret",
                "--inventory-out", inventory.toString(), "--request-log", log.toString(), "--latency", "5ms")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).startsWith("READY");
            List<String> hosts = Files.readAllLines(inventory);
            assertThat(hosts).hasSize(3).allMatch(h -> h.matches("127\\.0\\.0\\.1:\\d+"));
            WsmanTestClient c = new WsmanTestClient(URI.create("http://" + hosts.get(2) + "/wsman"), "admin", "s3cret");
            assertThat(c.run("echo from-launcher").stdoutText()).isEqualTo("from-launcher\n");
            assertThat(Files.readAllLines(log)).hasSize(5);
            assertThat(p.isAlive()).isTrue();
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void startsInProcessWithHttpsAndWritesTheCaPem() {
        Path inventory = dir.resolve("inv.txt");
        Path ca = dir.resolve("ca.pem");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SimulatedFleet fleet = SimulatorMain.start(new String[] {"--hosts", "2", "--user", "u", "--password", "p",
                "--inventory-out", inventory.toString(), "--https", "--ca-out", ca.toString(), "--clock-scale", "0.5"},
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("READY 2 hosts");
            assertThat(fleet.clock().scale()).isEqualTo(0.5);
            assertThat(Files.readString(ca)).isEqualTo(fleet.tls().caCertificatePem());
            assertThat(fleet.host(0).endpoint().getScheme()).isEqualTo("https");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void authOptionsMakeAWindowsDefaultHostThatOffersOnlyNegotiateAndCapturesTheWire() throws Exception {
        Path wire = dir.resolve("wire.log");
        try (SimulatedFleet fleet = SimulatorMain.start(new String[] {"--hosts", "1", "--user", "u", "--password", "p",
                "--inventory-out", dir.resolve("inv.txt").toString(), "--auth", "ntlm", "--require-encryption",
                "--cbt-hardening", "strict", "--wire-log", wire.toString()}, new PrintStream(new ByteArrayOutputStream()))) {
            WsmanTestClient.Response r = new WsmanTestClient(fleet.host(0).endpoint(), "u", "p").create();

            assertThat(r.status()).isEqualTo(401);
            assertThat(r.raw().headers().allValues("WWW-Authenticate")).containsExactly("Negotiate");
            assertThat(fleet.config().auth()).isEqualTo(new AuthSettings(false, false, true, false, CbtHardeningLevel.STRICT));
            assertThat(Files.readString(wire)).contains(">>> host-000 ").contains("Authorization: Basic ").contains("HTTP/1.1 401");
        }
    }

    @Test
    void badInputIsOneLineNamingTheProblemWithExitStatus2() throws Exception {
        Path inv = dir.resolve("inv.txt");
        Path badJson = dir.resolve("bad.json");
        Files.writeString(badJson, "{\"hosts\": {\"0\": {\"exitCode\": \"three\"}}}");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"hosts\": ");
        Path outOfFleet = dir.resolve("far.json");
        Files.writeString(outOfFleet, "{\"hosts\": {\"7\": {\"refuse\": true}}}");

        assertInvalid("--hosts 0", "--hosts: 0 is not allowed");
        assertInvalid("--hosts many", "Invalid value for option '--hosts'");
        assertInvalid("--hosts 1 --bogus", "Unknown option: '--bogus'");
        assertInvalid("--hosts 2 --latency soon", "--latency: 'soon' is not a duration");
        assertInvalid("--hosts 2 --clock-scale 0", "--clock-scale: 0.0 is not allowed");
        assertInvalid("--hosts 2 --tls-mode weird", "--tls-mode: 'weird' is not allowed");
        assertInvalid("--hosts 2 --scenario " + badJson, "--scenario " + badJson + ": hosts.0.exitCode: '\"three\"' is not an integer");
        assertInvalid("--hosts 2 --scenario " + broken, "--scenario " + broken + ": scenario is not valid JSON");
        assertInvalid("--hosts 2 --scenario " + outOfFleet, "--scenario " + outOfFleet + ": hosts.7: no such host");
        assertInvalid("--hosts 2 --scenario " + dir.resolve("missing.json"), "--scenario " + dir.resolve("missing.json")
                + ": scenario file");
        Path keytab = Files.writeString(dir.resolve("some.keytab"), "x");
        assertInvalid("--hosts 1 --auth basic,digest", "--auth: 'basic,digest' is not allowed; use a comma-separated list of basic, ntlm, kerberos");
        assertInvalid("--hosts 1 --auth kerberos", "--auth: kerberos needs --keytab FILE");
        assertInvalid("--hosts 1 --keytab " + keytab, "--keytab: needs kerberos in --auth");
        assertInvalid("--hosts 1 --auth kerberos --keytab " + dir.resolve("none.keytab"), "--keytab: " + dir.resolve("none.keytab")
                + " does not exist");
        assertInvalid("--hosts 1 --auth kerberos --keytab " + keytab + " --realm lower.case", "--realm: 'lower.case' is not allowed");
        assertInvalid("--hosts 1 --cbt-hardening paranoid", "--cbt-hardening: 'paranoid' is not a CbtHardeningLevel; allowed: none, relaxed, strict");
        assertInvalid("--hosts 1 --wire-log " + dir.resolve("no/such/dir/wire.log"), "--wire-log: directory");
        assertThatThrownBy(() -> SimulatorMain.start(new String[] {"--hosts", "1"}, System.out))
                .hasMessageStartingWith("Missing required options");
        assertThat(Files.exists(inv)).isFalse();
    }

    @Test
    void launcherProcessReportsBadInputWithoutStackTrace() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SimulatorMain.class.getName(), "--hosts", "-1", "--user", "u", "--password", "p",
                "--inventory-out", dir.resolve("i").toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output.strip()).isEqualTo("winrm-simulator: --hosts: -1 is not allowed; must be 1..5000");
    }

    private void assertInvalid(String options, String messageStart) {
        List<String> args = new ArrayList<>(List.of(options.split(" ")));
        if (!args.contains("--user")) {
            args.addAll(List.of("--user", "u", "--password", "p", "--inventory-out", dir.resolve("inv.txt").toString()));
        }
        assertThatThrownBy(() -> SimulatorMain.start(args.toArray(String[]::new), System.out))
                .isInstanceOf(SimulatorMain.LaunchException.class)
                .hasMessageStartingWith(messageStart)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("\n");
                    assertThat(((SimulatorMain.LaunchException) e).exitCode()).isEqualTo(2);
                });
    }
}
