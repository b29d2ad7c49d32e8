package io.winrminvoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winrminvoke.cli.InProcessCli.Outcome;
import io.winrminvoke.engine.ssh.OpenSshExtension;
import io.winrminvoke.engine.ssh.OpenSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code winrm-invoke run} over SSH against a real sshd on loopback, and the SSH options' checks. */
class SshOptionsTest {

    @RegisterExtension
    static final OpenSshExtension SSHD = OpenSshExtension.withPorts(2);
    private OpenSshServer sshd;
    private Path dir;
    private Path key;

    @BeforeEach
    void useServer() throws IOException {
        sshd = SSHD.server();
        dir = sshd.directory();
        key = Files.writeString(dir.resolve("cli_key"), sshd.userKey());
    }

    @Test
    void hostsFileEntriesAndTheRunsTransportReachSshHostsWithAKeyAndNoPassword() throws IOException {
        Path hosts = Files.write(dir.resolve("hosts.txt"), List.of(
                "# one host names its scheme, the other takes --transport", "ssh://127.0.0.1:" + sshd.ports().get(0),
                "127.0.0.1:" + sshd.ports().get(1)));
        Path reports = dir.resolve("reports-key");

        Outcome o = InProcessCli.run(Map.of(), "run", "--hosts-file", hosts.toString(), "--transport", "ssh",
                "--user", sshd.user(), "--ssh-key", key.toString(), "--known-hosts", sshd.knownHosts().toString(),
                "--command", "echo over ssh; exit 3", "--report-dir", reports.toString());

        assertThat(o.exitStatus()).as(o.toString()).isEqualTo(1);
        assertThat(o.outLines()).contains("[ssh://127.0.0.1:" + sshd.ports().get(0) + "] over ssh",
                "[127.0.0.1:" + sshd.ports().get(1) + "] over ssh");
        JsonNode results = new ObjectMapper().readTree(reports.resolve("results.json").toFile());
        assertThat(results.path("hosts")).hasSize(2).allSatisfy(h -> {
            assertThat(h.path("status").asText()).isEqualTo("FAILED");
            assertThat(h.path("exitCode").asInt()).isEqualTo(3);
        });
        assertThat(results.path("hosts").get(0).path("target").asText())
                .isEqualTo("ssh://127.0.0.1:" + sshd.ports().get(0));
        assertThat(results.path("run").path("options").path("transport").asText()).isEqualTo("ssh");
    }

    @Test
    void acceptingUnknownHostKeysIsAnnouncedAndEachAcceptedKeyIsNamed() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty_known_hosts"), "");
        Path reports = dir.resolve("reports-accept");
        String host = "ssh://127.0.0.1:" + sshd.port();

        Outcome o = InProcessCli.run(Map.of(), "run", "--host", host, "--user", sshd.user(),
                "--ssh-key", key.toString(), "--known-hosts", empty.toString(), "--accept-unknown-host-key",
                "--command", "echo trusted", "--quiet", "--report-dir", reports.toString());

        assertThat(o.exitStatus()).as(o.toString()).isZero();
        assertThat(o.errLines()).contains("winrm-invoke: WARNING: --accept-unknown-host-key: SSH hosts not listed in "
                + empty + " are accepted without verification; each one is named with its key's fingerprint as it "
                + "connects.");
        String accepted = "[" + host + "] warning: accepted unknown SSH host key ssh-ed25519 "
                + sshd.hostKeyFingerprint() + " of [127.0.0.1]:" + sshd.port() + " (not in " + empty
                + "; unknown host keys are accepted for this run)";
        assertThat(o.outLines()).contains(accepted);
        assertThat(Files.readString(reports.resolve("events.jsonl"))).contains("\"event\":\"notice\"")
                .contains("accepted unknown SSH host key ssh-ed25519 " + sshd.hostKeyFingerprint());
    }

    @Test
    void withoutAcceptingAnUnknownHostKeyIsRefused() throws IOException {
        Path empty = Files.writeString(dir.resolve("refusing_known_hosts"), "");

        Outcome o = InProcessCli.run(Map.of(), "run", "--host", "ssh://127.0.0.1:" + sshd.port(),
                "--user", sshd.user(), "--ssh-key", key.toString(), "--known-hosts", empty.toString(),
                "--command", "echo never", "--report-dir", dir.resolve("reports-refuse").toString());

        assertThat(o.exitStatus()).as(o.toString()).isEqualTo(1);
        assertThat(o.out()).contains("ERROR").contains("HOST_KEY_REJECTED: host key ssh-ed25519 SHA256:")
                .doesNotContain("never\n");
    }

    @Test
    void sshOptionsWithoutAnSshHostAreInvalidInput() {
        Outcome o = InProcessCli.run(Map.of("PW", "secret"), "run", "--host", "web01", "--user", "u",
                "--password-env", "PW", "--command", "x", "--accept-unknown-host-key", "--ssh-key", key.toString());

        assertThat(o.exitStatus()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("winrm-invoke: --accept-unknown-host-key, --ssh-key applies only to SSH hosts: "
                + "add --transport ssh or ssh://host entries\n");
    }

    @Test
    void winRmHostsStillNeedThePasswordWhenAKeyIsGiven() {
        Outcome o = InProcessCli.run(Map.of(), "run", "--host", "ssh://127.0.0.1:" + sshd.port(), "--host", "web02",
                "--user", "u", "--ssh-key", key.toString(), "--accept-unknown-host-key", "--command", "x");

        assertThat(o.exitStatus()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("winrm-invoke: --password-env: missing; ntlm needs a password for the WinRM "
                + "hosts (the SSH key serves only SSH hosts)\n");
    }

    @Test
    void anUnknownTransportNamesTheOption() {
        Outcome o = InProcessCli.run(Map.of("PW", "secret"), "run", "--host", "web01", "--user", "u",
                "--password-env", "PW", "--command", "x", "--transport", "telnet");

        assertThat(o.exitStatus()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("winrm-invoke: --transport: invalid value 'telnet': winrm or ssh\n");
    }
}
