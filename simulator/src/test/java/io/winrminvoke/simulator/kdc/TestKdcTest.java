package io.winrminvoke.simulator.kdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test KDC, checked with MIT's own client ({@code kinit}, {@code klist}) in separate processes. */
class TestKdcTest {
    @TempDir
    Path dir;

    @Test
    void aUserGetsATicketAndTheKdcIsGoneAfterClose() throws Exception {
        TestKdc kdc = TestKdc.start(dir.resolve("kdc"));
        try (kdc) {
            kdc.addUser("alice", "Alice-Pw1");

            Outcome ok = kinit(kdc, "alice", "Alice-Pw1");
            Outcome wrong = kinit(kdc, "alice", "not-it");

            assertThat(ok.status()).as(ok.output()).isZero();
            assertThat(wrong.status()).isNotZero();
            assertThat(wrong.output()).contains("Password incorrect");
        }
        assertThat(kdc.running()).isFalse();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains(dir.resolve("kdc").toString()))).isEmpty();
    }

    @Test
    void aServiceKeyIsExportedToTheKeytab() throws Exception {
        try (TestKdc kdc = TestKdc.start(dir.resolve("kdc"))) {
            kdc.addService("HTTP/localhost");
            kdc.addService("WSMAN/localhost");

            Outcome list = run(kdc, List.of("klist", "-k", kdc.serviceKeytab().toString()), null);

            assertThat(list.output()).contains("HTTP/localhost@WINRM.TEST").contains("WSMAN/localhost@WINRM.TEST");
        }
    }

    @Test
    void aDisabledUserAndAnExpiredPasswordAreRefused() throws Exception {
        try (TestKdc kdc = TestKdc.start(dir.resolve("kdc"))) {
            kdc.addUser("locked", "Locked-Pw1");
            kdc.addUser("expired", "Expired-Pw1");
            kdc.disableUser("locked");
            kdc.expirePassword("expired");

            assertThat(kinit(kdc, "locked", "Locked-Pw1").output()).contains("revoked");
            // kinit would offer to change the password; without a terminal it reports the expiry
            assertThat(kinit(kdc, "expired", "Expired-Pw1").output()).containsIgnoringCase("expired");
        }
    }

    @Test
    void aKdcWithAClockOffIsRefusedForClockSkew() throws Exception {
        try (TestKdc kdc = TestKdc.start(dir.resolve("kdc"), "SKEW.TEST", Duration.ofHours(1))) {
            kdc.addUser("alice", "Alice-Pw1");

            Outcome skewed = kinit(kdc, "alice", "Alice-Pw1");

            assertThat(skewed.status()).isNotZero();
            assertThat(skewed.output()).containsIgnoringCase("clock skew");
        }
    }

    @Test
    void oneKrb5ConfCanNameSeveralKdcs() throws Exception {
        try (TestKdc a = TestKdc.start(dir.resolve("a")); TestKdc b = TestKdc.start(dir.resolve("b"), "OTHER.TEST", Duration.ZERO)) {
            Path conf = TestKdc.writeKrb5Conf(dir.resolve("both.conf"), a, b);

            assertThat(Files.readString(conf)).contains("default_realm = WINRM.TEST")
                    .contains("WINRM.TEST = {").contains("kdc = 127.0.0.1:" + a.port())
                    .contains("OTHER.TEST = {").contains("kdc = 127.0.0.1:" + b.port());
        }
    }

    private record Outcome(int status, String output) {
    }

    private Outcome kinit(TestKdc kdc, String user, String password) throws Exception {
        return run(kdc, List.of("kinit", "-c", dir.resolve("cc-" + user).toString(), user + "@" + kdc.realm()),
                password + "\n");
    }

    private static Outcome run(TestKdc kdc, List<String> command, String stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("KRB5_CONFIG", kdc.krb5Conf().toString());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Outcome(p.exitValue(), out);
    }
}
