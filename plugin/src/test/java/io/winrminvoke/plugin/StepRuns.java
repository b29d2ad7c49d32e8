package io.winrminvoke.plugin;

import hudson.slaves.DumbSlave;
import io.winrminvoke.simulator.SimulatedFleet;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Runs {@code winrmInvoke} in a sandboxed Pipeline on one agent, a new job per call; the script
 * echoes the returned statuses ({@code statuses=A,B}) and waves ({@code waves=1,2}).
 */
final class StepRuns {

    private final JenkinsRule r;
    private final DumbSlave agent;
    private int jobs;

    StepRuns(JenkinsRule r) throws Exception {
        this.r = r;
        this.agent = r.createOnlineSlave();
    }

    DumbSlave agent() {
        return agent;
    }

    /** {@code winrmInvoke(hosts: <the fleet>, credentialsId: <the fixture's>, <options>)}. */
    WorkflowRun onFleet(SimulatedFleet fleet, String options) throws Exception {
        return run("winrmInvoke(hosts: " + Fixtures.groovyHostList(fleet) + ", credentialsId: '"
                + Fixtures.CREDENTIALS_ID + "', " + options + ")");
    }

    WorkflowRun run(String stepCall) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "p" + ++jobs);
        job.setDefinition(new CpsFlowDefinition("node('" + agent.getNodeName() + "') {\n"
                + "  def results = " + stepCall + "\n"
                + "  echo \"statuses=${results.collect { it.status }.join(',')}\"\n"
                + "  echo \"waves=${results.collect { it.wave }.join(',')}\"\n"
                + "}", true));
        return job.scheduleBuild2(0).get();
    }
}
