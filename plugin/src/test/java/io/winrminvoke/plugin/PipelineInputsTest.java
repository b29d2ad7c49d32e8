package io.winrminvoke.plugin;

import static io.winrminvoke.plugin.Fixtures.CREDENTIALS_ID;
import static io.winrminvoke.plugin.Fixtures.PASSWORD;
import static io.winrminvoke.plugin.Fixtures.runPipeline;
import static io.winrminvoke.plugin.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.winrminvoke.engine.powershell.PowerShellCommand;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import io.winrminvoke.simulator.scenario.Scenario;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Where the hosts, the trust and the script's inputs come from: a hosts file, a CA file, script arguments. */
@WithJenkins
class PipelineInputsTest {

    private static final String SCRIPT = "param($Version, $Password)\nWrite-Output \"deploying $Version\"";

    @Test
    void hostsFileInTheWorkspaceNamesTheHosts(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = Fixtures.fleet(3, "{}")) {
            String lines = "# web tier\\n" + Fixtures.hostLines(fleet).replace("\n", "\\n") + "\\n";
            WorkflowRun b = runPipeline(r, "node {\n"
                    + "  writeFile file: 'inventory/web.txt', text: \"" + lines + "\"\n"
                    + "  def rs = winrmInvoke(hostsFile: 'inventory/web.txt', credentialsId: '" + CREDENTIALS_ID
                    + "', command: 'echo from-file')\n"
                    + "  echo \"hosts=${rs.collect { it.host }.join(',')}\"\n"
                    + "}");

            r.assertBuildStatus(Result.SUCCESS, b);
            r.assertLogContains("hosts=" + String.join(",", fleet.hosts().stream().map(Fixtures::hostPort).toList()), b);
            r.assertLogContains("[" + Fixtures.hostPort(fleet.host(2)) + "] from-file", b);
        }
    }

    @Test
    void aMissingHostsFileFailsNamingIt(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        WorkflowRun b = runPipeline(r, "node { winrmInvoke(hostsFile: 'nope.txt', credentialsId: '" + CREDENTIALS_ID
                + "', command: 'echo x') }");

        r.assertBuildStatus(Result.FAILURE, b);
        r.assertLogContains("hostsFile: no such file in the workspace: 'nope.txt'", b);
    }

    @Test
    void httpsWithACaCertificateFromTheWorkspaceVerifiesTheHosts(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = SimulatedFleet.start(FleetConfig.builder().hosts(2).user(Fixtures.USER)
                .password(PASSWORD).https(true).clockScale(0.01).scenario(Scenario.fromJson("{}")).build())) {
            String pem = fleet.tls().caCertificatePem().replace("\n", "\\n");
            WorkflowRun trusted = runPipeline(r, "node {\n"
                    + "  writeFile file: 'certs/ca.pem', text: \"" + pem + "\"\n"
                    + "  " + step(fleet, "command: 'echo over-tls', https: true, caCertificate: 'certs/ca.pem'") + "\n"
                    + "}");
            r.assertBuildStatus(Result.SUCCESS, trusted);
            r.assertLogContains("[" + Fixtures.hostPort(fleet.host(0)) + "] over-tls", trusted);

            // without the CA the hosts' certificates are not trusted: no command is sent
            fleet.requestLog().clear();
            WorkflowRun untrusted = runPipeline(r, "node { " + step(fleet, "command: 'echo over-tls', https: true,"
                    + " retries: 0") + " }");
            r.assertBuildStatus(Result.FAILURE, untrusted);
            // the remedy names the step's option (StepOptionLabels), not the engine's or the CLI's
            r.assertLogContains("(a PEM file) with caCertificate", untrusted);
            r.assertLogNotContains("trustedCaPem", untrusted);
            r.assertLogNotContains("--ca-file", untrusted);
            assertThat(fleet.requestLog().entries()).filteredOn(e -> RequestLogEntry.COMMAND.equals(e.operation()))
                    .isEmpty();
        }
    }

    @Test
    void powershellArgumentsAndPasswordArgumentReachTheScriptAsTheEngineSendsThem(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = Fixtures.fleet(1, "{\"hosts\": {\"0\": {\"steps\": [{\"stdout\": \"deployed\\n\"}]}}}")) {
            WorkflowRun b = runPipeline(r, "node { " + step(fleet, "powershell: '''" + SCRIPT + "''',"
                    + " arguments: [Version: '1.2.3'], passwordArgument: 'Password'") + " }");

            r.assertBuildStatus(Result.SUCCESS, b);
            Map<String, String> arguments = new LinkedHashMap<>();
            arguments.put("Version", "1.2.3");
            arguments.put("Password", PASSWORD);
            CommandSpec expected = PowerShellCommand.builder().script(SCRIPT).arguments(arguments).build().toCommandSpec();
            SimulatedHost host = fleet.host(0);
            RequestLogEntry command = Fixtures.commandEntry(fleet, host);
            assertThat(command.commandLine()).contains(expected.command());
            expected.arguments().forEach(a -> assertThat(command.commandLine()).contains(a));
            // the password travels on stdin only, never on the command line or in the log
            assertThat(command.commandLine()).doesNotContain(PASSWORD);
            assertThat(stdinReceived(fleet, host)).isEqualTo(expected.stdin() == null ? new byte[0] : expected.stdin());
            r.assertLogNotContains(PASSWORD, b);
        }
    }

    private static byte[] stdinReceived(SimulatedFleet fleet, SimulatedHost host) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        fleet.requestLog().entriesFor(host).stream()
                .filter(e -> RequestLogEntry.SEND.equals(e.operation()))
                .forEach(e -> bytes.writeBytes(Base64.getDecoder().decode(e.stdinBase64())));
        return bytes.toByteArray();
    }
}
