package io.winrminvoke.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * The documented outcome of a controller restart while {@code winrmInvoke} runs: like every
 * synchronous non-blocking step it does not resume; the build fails with the step named, and the
 * command is not sent to the hosts a second time.
 */
class ControllerRestartTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aRestartWhileTheStepRunsFailsTheBuildWithoutRunningTheCommandAgain() throws Throwable {
        // a command that takes ten simulated minutes (six real seconds at the fleet's clock scale)
        try (SimulatedFleet fleet = Fixtures.fleet(1, "{\"hosts\": {\"0\": {\"steps\": [{\"sleep\": \"10m\"}]}}}")) {
            sessions.then(r -> {
                Fixtures.addUsernamePasswordCredentials();
                WorkflowJob job = r.createProject(WorkflowJob.class, "deploy");
                job.setDefinition(new CpsFlowDefinition("node { " + Fixtures.step(fleet, "command: 'deploy.cmd'") + " }",
                        true));
                WorkflowRun b = job.scheduleBuild2(0).waitForStart();
                Fixtures.awaitOpenCommands(fleet, 1, b);
            });
            sessions.then(r -> {
                WorkflowRun b = r.jenkins.getItemByFullName("deploy", WorkflowJob.class).getBuildByNumber(1);
                r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(b));
                r.assertLogContains("The Pipeline step `winrmInvoke` cannot be resumed after a controller restart", b);
                assertThat(fleet.requestLog().entries())
                        .filteredOn(e -> RequestLogEntry.COMMAND.equals(e.operation()))
                        .hasSize(1);
            });
        }
    }
}
