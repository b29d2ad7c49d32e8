package io.winrminvoke.plugin;

import static io.winrminvoke.plugin.Fixtures.CREDENTIALS_ID;
import static io.winrminvoke.plugin.Fixtures.PASSWORD;
import static io.winrminvoke.plugin.Fixtures.artifactText;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import hudson.tasks.junit.TestResultAction;
import hudson.util.Secret;
import io.winrminvoke.simulator.SimulatedFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jenkins.security.MasterToSlaveCallable;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The Pipeline step end to end: a real agent JVM runs the fan-out against the in-process
 * simulated fleet, and the build shows what users see.
 */
@WithJenkins
class WinRmInvokeStepTest {

    /** Hosts 0 and 1 succeed (the default behaviour echoes through /bin/sh), 2 exits 3, 3 refuses connections. */
    private static final String MIXED = """
            {"hosts": {
              "2": {"exitCode": 3, "steps": [{"stdout": "partial\\n"}]},
              "3": {"refuse": true}
            }}""";

    /** Host 1 runs a scripted command that exits 1 (a scenario exit code needs steps to apply). */
    private static final String ONE_FAILS = """
            {"hosts": {"1": {"exitCode": 1, "steps": [{"stderr": "service not found\\n"}]}}}""";

    private static WorkflowRun runOnAgent(JenkinsRule r, DumbSlave agent, String stepCall) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition(
                "node('" + agent.getNodeName() + "') {\n"
                        + "  stage('deploy') {\n"
                        + "    def results = " + stepCall + "\n"
                        + "    echo \"statuses=${results.collect { it.status }.join(',')}\"\n"
                        + "    echo \"exitCodes=${results.collect { it.exitCode }.join(',')}\"\n"
                        + "    echo \"first=${results[0].host} ${results[0].stdout.trim()} attempts=${results[0].attempts}\"\n"
                        + "  }\n"
                        + "  echo 'after the step'\n"
                        + "}", true));
        return job.scheduleBuild2(0).get();
    }

    /** The report directory of the build's {@code index}-th call, as archived. */
    static String reportDir(hudson.model.Run<?, ?> b, int index) {
        return b.getActions(WinRmInvokeAction.class).get(index).getReportDir();
    }

    /** The process id of the JVM it runs in. */
    private static final class AgentPid extends MasterToSlaveCallable<Long, RuntimeException> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long call() {
            return ProcessHandle.current().pid();
        }
    }

    @Test
    void mixedFleetOnAnAgentReturnsResultsAndPublishesArtifactsTestsAndSummary(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        DumbSlave agent = r.createOnlineSlave();
        try (SimulatedFleet fleet = Fixtures.fleet(4, MIXED)) {
            WorkflowRun b = runOnAgent(r, agent, "winrmInvoke(hosts: " + Fixtures.groovyHostList(fleet)
                    + ", credentialsId: '" + CREDENTIALS_ID + "', command: 'echo hello', retries: 0,"
                    + " connectTimeout: '5s', toleratedFailures: 2)");

            r.assertBuildStatus(Result.SUCCESS, b);
            r.assertLogContains("statuses=SUCCEEDED,SUCCEEDED,FAILED,UNREACHABLE", b);
            r.assertLogContains("exitCodes=0,0,3,null", b);
            r.assertLogContains("first=" + Fixtures.hostPort(fleet.host(0)) + " hello attempts=1", b);
            r.assertLogContains("[" + Fixtures.hostPort(fleet.host(0)) + "] hello", b);
            r.assertLogContains("2 of 4 hosts failed (tolerated: 2)", b);
            r.assertLogContains("after the step", b);

            // the reports were written by the agent, in the agent's workspace, in this call's own directory
            String dir = reportDir(b, 0);
            assertThat(dir).startsWith("winrm-invoke-report/step-");
            assertThat(agent.getWorkspaceFor(b.getParent()).child(dir + "/results.json").exists()).isTrue();
            assertThat(artifactText(b, dir + "/results.json")).contains(Fixtures.hostPort(fleet.host(3)));
            artifactText(b, dir + "/junit.xml");
            // the agent is another JVM: the fan-out really crossed remoting
            assertThat(agent.getChannel().call(new AgentPid())).isNotEqualTo(ProcessHandle.current().pid());

            TestResultAction tests = b.getAction(TestResultAction.class);
            assertThat(tests).isNotNull();
            assertThat(tests.getTotalCount()).isEqualTo(4);
            assertThat(tests.getFailCount()).isEqualTo(2);

            WinRmInvokeAction summary = b.getAction(WinRmInvokeAction.class);
            assertThat(summary.getHosts()).extracting(HostOutcome::getStatus)
                    .containsExactly("SUCCEEDED", "SUCCEEDED", "FAILED", "UNREACHABLE");
            assertThat(summary.transcriptLink(summary.getHosts().get(0))).startsWith("artifact/" + dir + "/hosts/");
        }
    }

    @Test
    void anyFailedHostFailsTheBuildByDefaultAfterPublishing(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        DumbSlave agent = r.createOnlineSlave();
        try (SimulatedFleet fleet = Fixtures.fleet(2, ONE_FAILS)) {
            WorkflowRun b = runOnAgent(r, agent, "winrmInvoke(hosts: " + Fixtures.groovyHostList(fleet)
                    + ", credentialsId: '" + CREDENTIALS_ID + "', command: 'echo hello')");

            r.assertBuildStatus(Result.FAILURE, b);
            r.assertLogContains("1 of 2 hosts failed (tolerated: 0)", b);
            r.assertLogNotContains("after the step", b);
            // published before failing
            artifactText(b, reportDir(b, 0) + "/results.json");
            assertThat(b.getAction(TestResultAction.class).getTotalCount()).isEqualTo(2);
        }
    }

    @Test
    void unstablePolicyMarksTheBuildUnstableAndThePipelineContinues(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        DumbSlave agent = r.createOnlineSlave();
        try (SimulatedFleet fleet = Fixtures.fleet(2, ONE_FAILS)) {
            WorkflowRun b = runOnAgent(r, agent, "winrmInvoke(hosts: " + Fixtures.groovyHostList(fleet)
                    + ", credentialsId: '" + CREDENTIALS_ID + "', command: 'echo hello', onFailure: 'unstable')");

            r.assertBuildStatus(Result.UNSTABLE, b);
            r.assertLogContains("statuses=SUCCEEDED,FAILED", b);
            r.assertLogContains("after the step", b);
        }
    }

    @Test
    void missingCredentialsFailBeforeAnyHostIsContacted(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave();
        try (SimulatedFleet fleet = Fixtures.fleet(2, "{}")) {
            WorkflowRun b = runOnAgent(r, agent, "winrmInvoke(hosts: " + Fixtures.groovyHostList(fleet)
                    + ", credentialsId: 'no-such-id', command: 'echo hello')");

            r.assertBuildStatus(Result.FAILURE, b);
            r.assertLogContains("no credentials with id 'no-such-id'", b);
            assertThat(fleet.requestLog().entries()).isEmpty();
        }
    }

    @Test
    void credentialsOfAnotherTypeFailBeforeAnyHostIsContacted(JenkinsRule r) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                CredentialsScope.GLOBAL, "api-token", "not a username/password", Secret.fromString("t0ken")));
        DumbSlave agent = r.createOnlineSlave();
        try (SimulatedFleet fleet = Fixtures.fleet(2, "{}")) {
            WorkflowRun b = runOnAgent(r, agent, "winrmInvoke(hosts: " + Fixtures.groovyHostList(fleet)
                    + ", credentialsId: 'api-token', command: 'echo hello')");

            r.assertBuildStatus(Result.FAILURE, b);
            r.assertLogContains("credentials 'api-token' are of type", b);
            r.assertLogContains("a username with password is required", b);
            assertThat(fleet.requestLog().entries()).isEmpty();
        }
    }

    @Test
    void invalidOptionFailsBeforeAnyHostIsContactedNamingTheOption(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        DumbSlave agent = r.createOnlineSlave();
        try (SimulatedFleet fleet = Fixtures.fleet(2, "{}")) {
            WorkflowRun b = runOnAgent(r, agent, "winrmInvoke(hosts: " + Fixtures.groovyHostList(fleet)
                    + ", credentialsId: '" + CREDENTIALS_ID + "', command: 'echo hello', connectTimeout: 'soon')");

            r.assertBuildStatus(Result.FAILURE, b);
            r.assertLogContains("connectTimeout", b);
            r.assertLogContains("soon", b);
            assertThat(fleet.requestLog().entries()).isEmpty();
        }
    }

    @Test
    void aValueTheRetryPolicyRefusesIsNamedAsTheStepCallsIt(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        DumbSlave agent = r.createOnlineSlave();
        try (SimulatedFleet fleet = Fixtures.fleet(1, "{}")) {
            WorkflowRun b = runOnAgent(r, agent, "winrmInvoke(hosts: " + Fixtures.groovyHostList(fleet)
                    + ", credentialsId: '" + CREDENTIALS_ID + "', command: 'echo hello', retryBackoff: 0.5)");

            r.assertBuildStatus(Result.FAILURE, b);
            // not the engine's "multiplier" (StepOptionLabels.IN_INPUT_MESSAGES)
            r.assertLogContains("winrmInvoke: retryBackoff: invalid value '0.5': allowed 1.0..100.0", b);
            assertThat(fleet.requestLog().entries()).isEmpty();
        }
    }

    @Test
    void passwordNeverAppearsInTheLogTheResultsOrTheReports(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        DumbSlave agent = r.createOnlineSlave();
        // the hosts print the password on stdout and stderr (the script itself never names it, so
        // nothing Jenkins stores of the script or the step's arguments can hold it): masked everywhere
        String printsPassword = "\"steps\": [{\"stdout\": \"token " + PASSWORD + "\\n\"}, {\"stderr\": \""
                + PASSWORD + "\\n\"}]";
        try (SimulatedFleet fleet = Fixtures.fleet(2, "{\"hosts\": {\"0\": {" + printsPassword + "}, \"1\": {"
                + printsPassword + ", \"exitCode\": 1}}}")) {
            WorkflowRun b = runOnAgent(r, agent, "winrmInvoke(hosts: " + Fixtures.groovyHostList(fleet)
                    + ", credentialsId: '" + CREDENTIALS_ID + "', command: 'deploy.cmd', onFailure: 'unstable')");

            r.assertBuildStatus(Result.UNSTABLE, b);
            r.assertLogNotContains(PASSWORD, b);
            r.assertLogContains("****", b);
            for (String report : new String[] {"results.json", "results.csv", "junit.xml", "events.jsonl"}) {
                assertThat(artifactText(b, reportDir(b, 0) + "/" + report)).as(report).doesNotContain(PASSWORD);
            }
            // everything Jenkins keeps of the build: build.xml (actions), junitResult.xml, the log,
            // the archived transcripts, the Pipeline's saved program
            assertThat(filesContaining(b.getRootDir().toPath(), PASSWORD)).isEmpty();
        }
    }

    /** Files below {@code dir} whose bytes hold {@code text} in UTF-8, relative to {@code dir}. */
    private static List<String> filesContaining(Path dir, String text) throws IOException {
        // ISO-8859-1 maps each byte to one char, so a text search finds the UTF-8 bytes in any file
        String needle = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(needle)) {
                    found.add(dir.relativize(file).toString());
                }
            }
        }
        return found;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void abortingTheBuildTerminatesTheRemoteCommandsAndEndsTheStep(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        DumbSlave agent = r.createOnlineSlave();
        try (SimulatedFleet fleet = Fixtures.fleet(2, "{\"hosts\": {\"0-1\": {\"steps\": [{\"hang\": true}]}}}")) {
            WorkflowJob job = r.createProject(WorkflowJob.class, "p");
            job.setDefinition(new CpsFlowDefinition("node('" + agent.getNodeName() + "') {\n"
                    + "  winrmInvoke(hosts: " + Fixtures.groovyHostList(fleet) + ", credentialsId: '" + CREDENTIALS_ID
                    + "', command: 'deploy.cmd')\n}", true));
            WorkflowRun b = job.scheduleBuild2(0).waitForStart();

            // both commands are running (and hanging) on the hosts
            Fixtures.awaitOpenCommands(fleet, 2, b);
            Fixtures.abortAndAssertEveryCommandTerminated(r, fleet, b);
        }
    }
}
