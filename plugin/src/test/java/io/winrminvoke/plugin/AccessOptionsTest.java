package io.winrminvoke.plugin;

import static io.winrminvoke.plugin.Fixtures.CREDENTIALS_ID;
import static io.winrminvoke.plugin.Fixtures.PASSWORD;
import static io.winrminvoke.plugin.Fixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import io.winrminvoke.engine.ssh.OpenSshServer;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The auth and SSH options (docs/auth.md, docs/ssh.md): form, defaults, and runs against hosts that check them. */
@WithJenkins
class AccessOptionsTest {

    /** Windows Server as shipped: Basic off, AllowUnencrypted off, Negotiate (NTLM) on. */
    private static SimulatedFleet windowsAsShipped(int hosts) throws Exception {
        return SimulatedFleet.start(FleetConfig.builder()
                .hosts(hosts).user(USER).password(PASSWORD).clockScale(0.01)
                .windowsDefaults()
                .build());
    }

    @Test
    void authAndSshOptionsSurviveTheFormRoundTripAndAnUnsetMethodStaysUnset(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        WinRmInvokeStep step = new WinRmInvokeStep(CREDENTIALS_ID);
        step.setHosts("web1\nssh://web2");
        step.setCommand("hostname");
        step.setAuth("kerberos");
        step.setSpnService("WSMAN");
        step.setSpnPort(true);
        step.setSpnCanonicalName(true);
        step.setKeytabCredentialsId("deploy-keytab");
        step.setTransport("ssh");
        step.setKnownHosts("ssh/known_hosts");
        step.setAcceptUnknownHostKey(true);
        step.setAuthFailureLimit(3);
        step.setWaves("1,10%,100%");
        step.setMaxFailures("5%");
        step.setDryRun(true);
        WinRmInvokeBuilder configured = new WinRmInvokeBuilder(step);

        r.assertEqualDataBoundBeans(configured.getInvocation(), r.configRoundtrip(configured).getInvocation());

        WinRmInvokeStep plain = new WinRmInvokeStep(CREDENTIALS_ID);
        plain.setHosts("web1");
        plain.setCommand("hostname");
        WinRmInvokeStep afterForm = r.configRoundtrip(new WinRmInvokeBuilder(plain)).getInvocation();
        // the form's "by the user name" entry saves no method: the engine's default rule decides per run
        assertThat(afterForm.getAuth()).isNull();
        assertThat(afterForm.getTransport()).isNull();
        assertThat(afterForm.getSpnService()).isNull();
        WinRmInvokeStep.DescriptorImpl descriptor = r.jenkins.getDescriptorByType(WinRmInvokeStep.DescriptorImpl.class);
        assertThat(descriptor.doFillAuthItems()).extracting(o -> o.value)
                .containsExactly("", "basic", "ntlm", "kerberos", "negotiate");
    }

    @Test
    void ntlmReachesHostsAsWindowsShipsThemByDefaultAndWhenAskedForAndSealsEveryMessage(JenkinsRule r)
            throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        StepRuns runs = new StepRuns(r);
        try (SimulatedFleet fleet = windowsAsShipped(2)) {
            WorkflowRun asked = runs.onFleet(fleet, "command: 'echo sealed', auth: 'ntlm'");
            // 'admin' is a local user name: the default is NTLM too
            WorkflowRun byDefault = runs.onFleet(fleet, "command: 'echo sealed'");

            for (WorkflowRun b : new WorkflowRun[] {asked, byDefault}) {
                r.assertBuildStatus(Result.SUCCESS, b);
                r.assertLogContains("statuses=SUCCEEDED,SUCCEEDED", b);
                r.assertLogContains("[" + Fixtures.hostPort(fleet.host(0)) + "] sealed", b);
            }
            assertThat(fleet.requestLog().entries())
                    .filteredOn(e -> RequestLogEntry.COMMAND.equals(e.operation()))
                    .hasSize(4)
                    .allMatch(RequestLogEntry::sealed, "sealed");
        }
    }

    @Test
    void refusedCredentialsAreTriedOnNoMoreHostsThanAuthFailureLimit(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        StepRuns runs = new StepRuns(r);
        // the hosts expect another password: every logon is refused
        try (SimulatedFleet fleet = SimulatedFleet.start(FleetConfig.builder().hosts(4).user(USER)
                .password("not-" + PASSWORD).clockScale(0.01).build())) {
            WorkflowRun limited = runs.onFleet(fleet, "command: 'hostname', authFailureLimit: 2");

            r.assertBuildStatus(Result.FAILURE, limited);
            r.assertLogContains("not attempted: credentials refused by 2 hosts", limited);
            assertThat(fleet.hosts()).filteredOn(h -> !fleet.requestLog().entriesFor(h).isEmpty()).hasSize(2);

            fleet.requestLog().clear();
            WorkflowRun unlimited = runs.onFleet(fleet, "command: 'hostname', authFailureLimit: 0");
            r.assertBuildStatus(Result.FAILURE, unlimited);
            assertThat(fleet.hosts()).allMatch(h -> !fleet.requestLog().entriesFor(h).isEmpty());

            WorkflowRun negative = runs.onFleet(fleet, "command: 'hostname', authFailureLimit: -1");
            r.assertBuildStatus(Result.FAILURE, negative);
            r.assertLogContains("authFailureLimit: invalid value '-1': allowed 0 (no limit) or 1..1000000", negative);
        }
    }

    @Test
    void basicOverPlainHttpIsRefusedUntilAllowedAndThenWarnedAboutInTheLog(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        StepRuns runs = new StepRuns(r);
        try (SimulatedFleet fleet = Fixtures.fleet(1, "{}")) {
            String call = "command: 'echo clear', auth: 'basic'";

            WorkflowRun refused = runs.onFleet(fleet, call);
            r.assertBuildStatus(Result.FAILURE, refused);
            // the engine's message, naming the step's option rather than the engine's basicOverHttp
            r.assertLogContains("opt in with allowUnencrypted", refused);
            r.assertLogNotContains("basicOverHttp", refused);
            assertThat(fleet.requestLog().entries()).isEmpty();

            WorkflowRun allowed = runs.onFleet(fleet, call + ", allowUnencrypted: true");
            r.assertBuildStatus(Result.SUCCESS, allowed);
            r.assertLogContains("WARNING: allowUnencrypted: Basic authentication over plain HTTP", allowed);
            r.assertLogContains("[" + Fixtures.hostPort(fleet.host(0)) + "] clear", allowed);
        }
    }

    @Test
    void keytabOptionsAreCheckedBeforeAnyHostIsContacted(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        StepRuns runs = new StepRuns(r);
        try (SimulatedFleet fleet = Fixtures.fleet(1, "{}")) {
            String call = "command: 'echo hi', keytabCredentialsId: 'no-such-keytab'";

            WorkflowRun ntlm = runs.onFleet(fleet, call + ", auth: 'ntlm'");
            r.assertBuildStatus(Result.FAILURE, ntlm);
            r.assertLogContains("keytabCredentialsId: applies only to auth kerberos or negotiate (auth is ntlm)", ntlm);

            WorkflowRun missing = runs.onFleet(fleet, call);
            r.assertBuildStatus(Result.FAILURE, missing);
            r.assertLogContains("keytabCredentialsId: no secret file credentials with id 'no-such-keytab'", missing);
            assertThat(fleet.requestLog().entries()).isEmpty();
        }
    }

    @Test
    void sshHostKeyOptionsWithoutAnSshHostFailTheStepNamingThem(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        StepRuns runs = new StepRuns(r);
        try (SimulatedFleet fleet = Fixtures.fleet(1, "{}")) {
            WorkflowRun b = runs.onFleet(fleet, "command: 'echo hi', knownHosts: 'ci/known_hosts'");
            r.assertBuildStatus(Result.FAILURE, b);
            r.assertLogContains("winrmInvoke: knownHosts applies only to SSH hosts: add transport: 'ssh' or ssh://host "
                    + "entries", b);
            assertThat(fleet.requestLog().entries()).isEmpty();
        }
    }

    @Test
    void anSshKeyCredentialLogsInToARealSshdWhoseHostKeyIsListed(JenkinsRule r, @TempDir Path dir)
            throws Exception {
        StepRuns runs = new StepRuns(r);
        try (OpenSshServer sshd = OpenSshServer.start(dir, 1)) {
            SystemCredentialsProvider.getInstance().getCredentials().add(new BasicSSHUserPrivateKey(
                    CredentialsScope.GLOBAL, "ssh-key", sshd.user(),
                    new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource(sshd.userKey()), null, "test sshd"));
            SystemCredentialsProvider.getInstance().save();
            String host = "ssh://127.0.0.1:" + sshd.port();
            String call = "winrmInvoke(hosts: ['" + host + "'], credentialsId: 'ssh-key', command: 'echo over-ssh'";

            WorkflowRun listed = runs.run(call + ", knownHosts: '" + sshd.knownHosts() + "')");
            r.assertBuildStatus(Result.SUCCESS, listed);
            r.assertLogContains("[" + host + "] over-ssh", listed);
            r.assertLogNotContains("acceptUnknownHostKey", listed);

            // the same host against an empty known_hosts: accepted only when asked, and named in the log
            Path empty = Files.createFile(dir.resolve("empty_known_hosts"));
            WorkflowRun accepted = runs.run(call + ", knownHosts: '" + empty + "', acceptUnknownHostKey: true)");
            r.assertBuildStatus(Result.SUCCESS, accepted);
            r.assertLogContains("WARNING: acceptUnknownHostKey: SSH hosts not listed in " + empty, accepted);
            r.assertLogContains("[" + host + "] warning: accepted unknown SSH host key", accepted);
            assertThat(Files.size(empty)).isZero();
        }
    }
}
