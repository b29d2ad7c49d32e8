package io.winrminvoke.plugin;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.scenario.Scenario;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import java.util.stream.Collectors;
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
