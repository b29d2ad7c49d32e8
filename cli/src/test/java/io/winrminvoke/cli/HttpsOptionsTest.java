package io.winrminvoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.cli.InProcessCli.Outcome;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatorExtension;
import io.winrminvoke.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --https} with the simulator's generated CA: verified by default, trusted via --ca-file, or --insecure. */
class HttpsOptionsTest {

    private static final Map<String, String> ENV = Map.of("PW", "Https-Pw-1");

    @TempDir
    Path dir;

    @RegisterExtension
    static final SimulatorExtension sim = SimulatorExtension.with(
            FleetConfig.builder().hosts(1).user("u").password("Https-Pw-1").https(true)
                .scenario(Scenario.fromJson("{\"hosts\": {\"0\": {\"steps\": [{\"stdout\": \"over tls\\r\\n\"}]}}}")));

    @Test
    void aPrivateCaIsTrustedWithCaFile() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), sim.fleet().tls().caCertificatePem());

        Outcome outcome = run("--ca-file", ca.toString());

        assertThat(outcome.exitStatus()).as(outcome.toString()).isZero();
        assertThat(outcome.out()).contains("over tls");
        assertThat(outcome.err()).isEmpty();
    }

    @Test
    void withoutTheCaTheCertificateIsRejected() {
        Outcome outcome = run();

        assertThat(outcome.exitStatus()).as(outcome.toString()).isEqualTo(ExitStatus.SOME_FAILED);
        assertThat(outcome.out()).doesNotContain("over tls").contains("ERROR")
                .contains("the host's certificate is not trusted: give the CA that signed it (a PEM file) with --ca-file")
                .doesNotContain("trustedCaPem");
    }

    @Test
    void insecureWorksAndSaysSoLoudly() {
        Outcome outcome = run("--insecure");

        assertThat(outcome.exitStatus()).as(outcome.toString()).isZero();
        assertThat(outcome.errLines()).singleElement().asString()
                .contains("WARNING").contains("--insecure").contains("NOT verified");
    }

    private Outcome run(String... tlsArgs) {
        String[] base = {"run", "--host", sim.fleet().host(0).hostAndPort(), "--https",
            "--user", "u", "--password-env", "PW", "--auth", "basic",
            "--command", "deploy.cmd", "--report-dir", dir.resolve("reports").toString()};
        return InProcessCli.run(ENV, InProcessCli.args(List.of(base), tlsArgs));
    }
}
