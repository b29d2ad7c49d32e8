package io.winrminvoke.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.scenario.Scenario;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import io.winrminvoke.simulator.RequestLogEntry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import jenkins.util.VirtualFile;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;

/** Shared set-up: a simulated fleet, the credential that opens it, host lists in the step's formats. */
final class Fixtures {

    static final String USER = "admin";
    /** Distinctive enough that finding it anywhere in a log or report cannot be a coincidence. */
    static final String PASSWORD = "Pa55-w0rd-7c1e!";
    static final String CREDENTIALS_ID = "winrm-admin";

    private Fixtures() {
    }

    static SimulatedFleet fleet(int hosts, String scenarioJson) throws Exception {
        return SimulatedFleet.start(FleetConfig.builder()
                .hosts(hosts).user(USER).password(PASSWORD)
                .clockScale(0.01)
                .scenario(Scenario.fromJson(scenarioJson))
                .build());
    }

    static void addUsernamePasswordCredentials() throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, CREDENTIALS_ID, "simulated fleet", USER, PASSWORD));
        SystemCredentialsProvider.getInstance().save();
    }

    /** Runs {@code script} (sandboxed) as a new Pipeline job and returns the finished build. */
    static WorkflowRun runPipeline(JenkinsRule r, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return r.waitForCompletion(job.scheduleBuild2(0).waitForStart());
    }

    /** {@code winrmInvoke(hosts: [...], credentialsId: ..., <more>)} for the fleet. */
    static String step(SimulatedFleet fleet, String more) {
        return "winrmInvoke(hosts: " + groovyHostList(fleet) + ", credentialsId: '" + CREDENTIALS_ID + "', " + more + ")";
    }

    /** A freestyle job on a new agent whose one build step runs {@code command} on the fleet. */
    static FreeStyleProject freestyleOnAgent(JenkinsRule r, SimulatedFleet fleet, String command) throws Exception {
        WinRmInvokeStep step = new WinRmInvokeStep(CREDENTIALS_ID);
        step.setHosts(hostLines(fleet));
        step.setCommand(command);
        FreeStyleProject p = r.createFreeStyleProject();
        p.setAssignedNode(r.createOnlineSlave());
        p.getBuildersList().add(new WinRmInvokeBuilder(step));
        return p;
    }

    /**
     * Waits until {@code count} commands run on the fleet; a build that ends before that (bad input,
     * a class that cannot reach the agent) fails here with its log, not at the test's timeout.
     */
    static void awaitOpenCommands(SimulatedFleet fleet, int count, Run<?, ?> b) throws Exception {
        while (fleet.counters().openCommands() < count) {
            if (!b.isBuilding()) {
                throw new AssertionError("the build ended before " + count + " command(s) started:\n"
                        + JenkinsRule.getLog(b));
            }
            Thread.sleep(100);
        }
    }

    /**
     * Aborts the running build and checks that, by the time the build has ended, every host's
     * command was signalled and its shell deleted (the abort waits for the engine's stop).
     */
    static void abortAndAssertEveryCommandTerminated(JenkinsRule r, SimulatedFleet fleet, Run<?, ?> b) throws Exception {
        assertThat(fleet.counters().openShells()).as("shells open before the abort").isPositive();
        b.getExecutor().interrupt();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
        assertThat(fleet.counters().openShells()).as("shells open once the build has ended").isZero();
        for (SimulatedHost host : fleet.hosts()) {
            assertThat(fleet.requestLog().entriesFor(host)).as("requests to %s", host.name())
                    .anyMatch(e -> RequestLogEntry.SIGNAL.equals(e.operation()));
        }
    }

    /** The first Command request the host received. */
    static RequestLogEntry commandEntry(SimulatedFleet fleet, SimulatedHost host) {
        return fleet.requestLog().entriesFor(host).stream()
                .filter(e -> RequestLogEntry.COMMAND.equals(e.operation())).findFirst().orElseThrow();
    }

    /** An archived artifact of the build as UTF-8 text; fails if it was not archived. */
    static String artifactText(Run<?, ?> b, String path) throws Exception {
        VirtualFile file = b.getArtifactManager().root().child(path);
        assertThat(file.isFile()).as("artifact %s", path).isTrue();
        try (InputStream in = file.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String hostPort(SimulatedHost h) {
        return h.address() + ":" + h.port();
    }

    /** A Groovy list literal of the fleet's hosts, e.g. {@code ['127.0.0.1:5001', '127.0.0.1:5002']}. */
    static String groovyHostList(SimulatedFleet fleet) {
        return fleet.hosts().stream().map(h -> "'" + hostPort(h) + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    /** The fleet's hosts as the newline text the configuration form uses. */
    static String hostLines(SimulatedFleet fleet) {
        return fleet.hosts().stream().map(Fixtures::hostPort).collect(Collectors.joining("\n"));
    }
}
