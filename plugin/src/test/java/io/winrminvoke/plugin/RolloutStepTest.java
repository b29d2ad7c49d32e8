package io.winrminvoke.plugin;

import static io.winrminvoke.plugin.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.winrminvoke.invocation.RolloutSummary;
import io.winrminvoke.invocation.WaveGroup;
import io.winrminvoke.simulator.SimulatedFleet;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Waves, the failure budget and the dry run in a build (docs/rollout.md), against the simulated fleet. */
@WithJenkins
class RolloutStepTest {

    /** The canary (host 0) fails: a scenario exit code needs steps to apply. */
    private static final String CANARY_FAILS = """
            {"hosts": {"0": {"exitCode": 3, "steps": [{"stderr": "service did not start\\n"}]}}}""";

    /** Host 3 (in the second wave of [1, '100%']) fails. */
    private static final String FOURTH_FAILS = """
            {"hosts": {"3": {"exitCode": 1, "steps": [{"stdout": "half done\\n"}]}}}""";

    @Test
    void aFailedCanaryWithBudgetZeroStopsTheRolloutAndNoOtherHostIsContacted(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        StepRuns runs = new StepRuns(r);
        try (SimulatedFleet fleet = Fixtures.fleet(5, CANARY_FAILS)) {
            WorkflowRun b = runs.onFleet(fleet, "command: 'deploy.cmd', retries: 0,"
                    + " waves: [1, '50%', '100%'], maxFailures: 0");

            r.assertBuildStatus(Result.FAILURE, b);
            r.assertLogContains("[winrm-invoke] wave 1/3: 1 host starting", b);
            r.assertLogContains("[winrm-invoke] wave 1/3: 1 host, 0 ok, 1 failed, budget 0 exceeded: stopping,"
                    + " 4 hosts not attempted", b);
            r.assertLogContains("rollout stopped after wave 1 (1 of 1 failed, budget 0): 4 hosts not attempted", b);
            r.assertLogNotContains("wave 2/3", b);
            // the hosts not attempted get no line each: the wave's line counted them
            r.assertLogNotContains("[" + Fixtures.hostPort(fleet.host(1)) + "] SKIPPED", b);
            for (int i = 1; i < 5; i++) {
                assertThat(fleet.requestLog().entriesFor(fleet.host(i))).as("requests to host %d", i).isEmpty();
            }
            WinRmInvokeAction summary = b.getAction(WinRmInvokeAction.class);
            assertThat(summary.getHosts()).extracting(HostOutcome::getStatus)
                    .containsExactly("FAILED", "SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED");
            assertThat(summary.getHosts().get(1).getMessage())
                    .isEqualTo("not attempted: rollout stopped after wave 1 (1 of 1 failed, budget 0)");
            assertThat(summary.getExplanation()).startsWith("rollout stopped after wave 1");
        }
    }

    @Test
    void aStoppedRolloutFailsTheStepEvenWhenTheToleranceWouldPassItsFailures(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        StepRuns runs = new StepRuns(r);
        try (SimulatedFleet fleet = Fixtures.fleet(3, CANARY_FAILS)) {
            WorkflowRun b = runs.onFleet(fleet, "command: 'deploy.cmd', retries: 0,"
                    + " waves: [1, '100%'], failFast: true, toleratedFailurePercent: 100");

            r.assertBuildStatus(Result.FAILURE, b);
            r.assertLogContains("rollout stopped after wave 1", b);
        }
    }

    @Test
    void aDryRunPrintsTheEnginesReportContactsNoHostAndWritesNothing(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        StepRuns runs = new StepRuns(r);
        try (SimulatedFleet fleet = Fixtures.fleet(3, "{}")) {
            WorkflowRun b = runs.onFleet(fleet, "powershell: 'param($Build, $Password) Write-Output $Build',"
                    + " arguments: [Build: '42'], passwordArgument: 'Password', throttle: 2,"
                    + " waves: [1, '100%'], maxFailures: '1', dryRun: true");

            r.assertBuildStatus(Result.SUCCESS, b);
            r.assertLogContains("Dry run: the inputs are valid. No host was contacted and nothing was written.", b);
            r.assertLogContains("Targets: 3 hosts, 2 waves of 1, 2 hosts (waves 1,100%, hosts in list order)", b);
            r.assertLogContains("-EncodedCommand decoded (UTF-16LE)", b);
            r.assertLogContains("flag throttle:", b);
            r.assertLogContains("statuses=DRY_RUN,DRY_RUN,DRY_RUN", b);
            r.assertLogContains("waves=1,2,2", b);
            r.assertLogNotContains(PASSWORD, b);
            assertThat(fleet.requestLog().entries()).isEmpty();
            assertThat(b.getHasArtifacts()).isFalse();
            assertThat(b.getAction(WinRmInvokeAction.class)).isNull();
            assertThat(runs.agent().getWorkspaceFor(b.getParent()).child("winrm-invoke-report").exists()).isFalse();
        }
    }

    @Test
    void theBuildPageSummaryGroupsTheHostsByWaveUnderEachWavesLine(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        StepRuns runs = new StepRuns(r);
        try (SimulatedFleet fleet = Fixtures.fleet(4, FOURTH_FAILS)) {
            WorkflowRun b = runs.onFleet(fleet, "command: 'deploy.cmd', retries: 0,"
                    + " waves: [1, '100%'], maxFailures: '1', onFailure: 'unstable'");

            // within budget, so every wave ran; the failed host still decides the verdict (onFailure)
            r.assertBuildStatus(Result.UNSTABLE, b);
            r.assertLogContains("waves=1,2,2,2", b);
            RolloutSummary rollout = b.getAction(WinRmInvokeAction.class).getRollout();
            assertThat(rollout.getWaves()).extracting(WaveGroup::getLine).containsExactly(
                    "wave 1/2: 1 host, 1 ok, 0 failed, budget 1: continuing",
                    "wave 2/2: 3 hosts, 2 ok, 1 failed, budget 1 (1 of 4 failed so far): done");
            WinRmInvokeAction summary = b.getAction(WinRmInvokeAction.class);
            // the page's rows, grouped by wave: within wave 2 the failed host comes first
            assertThat(summary.shownOf(summary.getRows(), rollout.getWaves().get(1))).extracting(HostOutcome::getHost)
                    .containsExactly(Fixtures.hostPort(fleet.host(3)), Fixtures.hostPort(fleet.host(1)),
                            Fixtures.hostPort(fleet.host(2)));

            try (JenkinsRule.WebClient wc = r.createWebClient()) {
                String page = wc.goTo(b.getUrl()).getWebResponse().getContentAsString();
                int first = page.indexOf("wave 1/2: 1 host");
                int second = page.indexOf("wave 2/2: 3 hosts");
                assertThat(first).as("wave 1 heading").isPositive();
                assertThat(second).as("wave 2 heading after wave 1's table").isGreaterThan(
                        page.indexOf(Fixtures.hostPort(fleet.host(0)), first));
                assertThat(page.indexOf(Fixtures.hostPort(fleet.host(3)), second)).isPositive();
            }
        }
    }
}
