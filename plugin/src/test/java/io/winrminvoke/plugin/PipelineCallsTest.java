package io.winrminvoke.plugin;

import static io.winrminvoke.plugin.Fixtures.runPipeline;
import static io.winrminvoke.plugin.Fixtures.step;
import static io.winrminvoke.plugin.Fixtures.artifactText;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import hudson.tasks.junit.SuiteResult;
import hudson.tasks.junit.TestResultAction;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.SimulatedFleet;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Several calls in one build, and the options that shape what one call leaves behind: report
 * directories, test suites and summary links per call, stage attribution, the returned output,
 * and a misspelled option.
 */
@WithJenkins
class PipelineCallsTest {

    private static final String ONE_FAILS = """
            {"hosts": {"1": {"exitCode": 1, "steps": [{"stderr": "service not found\\n"}]}}}""";

    @Test
    void twoCallsAndTwoParallelBranchesKeepSeparateReportsLinksAndTestSuites(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        DumbSlave agent = r.createOnlineSlave();
        try (SimulatedFleet fleet = Fixtures.fleet(2, "{}")) {
            WorkflowRun b = runPipeline(r, "node('" + agent.getNodeName() + "') {\n"
                    + "  " + step(fleet, "command: 'echo first'") + "\n"
                    + "  " + step(fleet, "command: 'echo second'") + "\n"
                    + "  parallel left: { " + step(fleet, "command: 'echo left'") + " },\n"
                    + "           right: { " + step(fleet, "command: 'echo right'") + " }\n"
                    + "}");

            r.assertBuildStatus(Result.SUCCESS, b);
            List<WinRmInvokeAction> calls = b.getActions(WinRmInvokeAction.class);
            assertThat(calls).hasSize(4);
            List<String> dirs = calls.stream().map(WinRmInvokeAction::getReportDir).toList();
            assertThat(dirs).doesNotHaveDuplicates().allMatch(d -> d.startsWith("winrm-invoke-report/step-"));
            // each call's archived results hold its own command and no other's
            List<String> commands = List.of("echo first", "echo second", "echo left", "echo right");
            for (String dir : dirs) {
                String results = artifactText(b, dir + "/results.json");
                assertThat(commands.stream().filter(results::contains)).as(dir).hasSize(1);
            }
            assertThat(calls.stream().map(a -> a.transcriptLink(a.getHosts().get(0)))).doesNotHaveDuplicates();
            TestResultAction tests = b.getAction(TestResultAction.class);
            assertThat(tests.getTotalCount()).isEqualTo(8);
            // one suite per call: the branches named by their branch, the calls outside any stage by their id
            List<String> suites = tests.getResult().getSuites().stream().map(SuiteResult::getName).toList();
            assertThat(suites).hasSize(4).doesNotHaveDuplicates()
                    .contains("winrm-invoke.left", "winrm-invoke.right")
                    .filteredOn(name -> name.startsWith("winrm-invoke.step-")).hasSize(2);
        }
    }

    @Test
    void theBuilderCalledThroughTheGenericStepInTwoParallelBranchesGetsTwoReportDirectories(JenkinsRule r)
            throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = Fixtures.fleet(1, "{}")) {
            String builder = "step([$class: 'WinRmInvokeBuilder', invocation: [hosts: " + Fixtures.groovyHostList(fleet)
                    + ", credentialsId: '" + Fixtures.CREDENTIALS_ID + "', command: 'echo %s']])";
            WorkflowRun b = runPipeline(r, "node {\n  parallel left: { " + builder.formatted("left") + " },\n"
                    + "           right: { " + builder.formatted("right") + " }\n}");

            r.assertBuildStatus(Result.SUCCESS, b);
            // numbered from the build's claims, not from the summaries so far, which both branches counted alike
            assertThat(b.getActions(WinRmInvokeAction.class)).extracting(WinRmInvokeAction::getReportDir)
                    .containsExactlyInAnyOrder("winrm-invoke-report/build-step-1", "winrm-invoke-report/build-step-2");
        }
    }

    @Test
    void callsInParallelBranchesOfAStageGetSuitesNamedByStageAndBranch(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = Fixtures.fleet(1, "{}")) {
            WorkflowRun b = runPipeline(r, "node {\n  stage('Deploy') {\n"
                    + "    parallel 'eu west': { " + step(fleet, "command: 'echo eu'") + "; "
                    + step(fleet, "command: 'echo eu again'") + " },\n"
                    + "             us: { " + step(fleet, "command: 'echo us'") + " }\n"
                    + "  }\n}");

            r.assertBuildStatus(Result.SUCCESS, b);
            List<String> suites = b.getAction(TestResultAction.class).getResult().getSuites().stream()
                    .map(SuiteResult::getName).toList();
            // RunNames: a space becomes '-', the second call in one branch gets '-2'
            assertThat(suites).containsExactlyInAnyOrder("winrm-invoke.Deploy-eu-west",
                    "winrm-invoke.Deploy-eu-west-2", "winrm-invoke.Deploy-us");
        }
    }

    @Test
    void twoCallsGivenOneReportDirAreRefusedBeforeTheSecondContactsAHost(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = Fixtures.fleet(1, "{}")) {
            WorkflowRun b = runPipeline(r, "node {\n"
                    + "  " + step(fleet, "command: 'echo first', reportDir: 'reports'") + "\n"
                    + "  " + step(fleet, "command: 'echo second', reportDir: 'reports/'") + "\n"
                    + "}");

            r.assertBuildStatus(Result.FAILURE, b);
            r.assertLogContains("reportDir 'reports' is already used by another winrmInvoke call in this build", b);
            assertThat(fleet.requestLog().entries()).filteredOn(e -> RequestLogEntry.COMMAND.equals(e.operation()))
                    .hasSize(1);
        }
    }

    @Test
    void filesLeftInTheReportDirectoryByEarlierBuildsAreNotArchivedWhateverTheirDates(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = Fixtures.fleet(1, "{}")) {
            WorkflowJob job = r.createProject(WorkflowJob.class);
            job.setDefinition(new CpsFlowDefinition("node {\n  " + step(fleet, "command: 'echo hi', reportDir: 'reports'")
                    + "\n}", true));
            FilePath workspace = r.jenkins.getWorkspaceFor(job);
            FilePath stale = workspace.child("reports/hosts/old-host.log");
            stale.write("from an earlier build", "UTF-8");
            // dated in the future: a "written since the run started" rule would take it for this run's
            stale.touch(System.currentTimeMillis() + 3_600_000L);
            workspace.child("reports/notes.txt").write("the user's", "UTF-8");

            WorkflowRun b = r.buildAndAssertSuccess(job);

            assertThat(b.getArtifactManager().root().child("reports/results.json").isFile()).isTrue();
            assertThat(b.getArtifactManager().root().child("reports/hosts/old-host.log").exists()).isFalse();
            assertThat(b.getArtifactManager().root().child("reports/notes.txt").exists()).isFalse();
        }
    }

    @Test
    void failedHostsAreAttributedToTheirStageWhichCarriesTheUnstableWarning(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = Fixtures.fleet(2, ONE_FAILS)) {
            WorkflowRun b = runPipeline(r, "node {\n  stage('deploy') {\n    "
                    + step(fleet, "command: 'deploy.cmd', onFailure: 'unstable'") + "\n  }\n}");

            r.assertBuildStatus(Result.UNSTABLE, b);
            SuiteResult suite = b.getAction(TestResultAction.class).getResult().getSuites().iterator().next();
            assertThat(suite.getEnclosingBlockNames()).contains("deploy");
            List<WarningAction> warnings = StreamSupport.stream(new DepthFirstScanner().allNodes(b.getExecution())
                            .spliterator(), false)
                    .map(n -> n.getPersistentAction(WarningAction.class))
                    .filter(w -> w != null)
                    .toList();
            assertThat(warnings).singleElement().satisfies(w -> {
                assertThat(w.getResult()).isEqualTo(Result.UNSTABLE);
                assertThat(w.getMessage()).contains("1 of 2 hosts failed");
            });
        }
    }

    @Test
    void returnOutputAndOutputLimitBoundWhatTheScriptGetsBack(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        String longLine = "x".repeat(6000);
        try (SimulatedFleet fleet = Fixtures.fleet(1, "{\"hosts\": {\"0\": {\"steps\": [{\"stdout\": \"" + longLine
                + "\\n\"}]}}}")) {
            WorkflowRun b = runPipeline(r, "node {\n"
                    + "  def limited = " + step(fleet, "command: 'x', reportDir: 'r1', outputLimit: 100") + "\n"
                    + "  echo \"limited=${limited[0].stdout.indexOf('\\n[winrm-invoke: ')} ${limited[0].stdout.contains('more characters in the host')}\"\n"
                    + "  def none = " + step(fleet, "command: 'x', reportDir: 'r2', returnOutput: false") + "\n"
                    + "  echo \"none=${none[0].stdout} ${none[0].stderr}\"\n"
                    + "  def byDefault = " + step(fleet, "command: 'x', reportDir: 'r3'") + "\n"
                    + "  echo \"default=${byDefault[0].stdout.indexOf('\\n[winrm-invoke: ')}\"\n"
                    + "}");

            r.assertBuildStatus(Result.SUCCESS, b);
            // cut at the limit, then the line saying how much is in the transcript
            r.assertLogContains("limited=100 true", b);
            r.assertLogContains("none=null null", b);
            r.assertLogContains("default=4096", b);
            // the transcript keeps everything
            assertThat(artifactText(b, "r1/" + b.getActions(WinRmInvokeAction.class).get(0).getHosts().get(0).getTranscript()))
                    .contains(longLine);
        }
    }

    @Test
    void anOutputLimitOutOfRangeFailsBeforeAnyHostIsContacted(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = Fixtures.fleet(1, "{}")) {
            WorkflowRun b = runPipeline(r, "node { " + step(fleet, "command: 'x', outputLimit: 100000") + " }");

            r.assertBuildStatus(Result.FAILURE, b);
            r.assertLogContains("winrmInvoke: outputLimit must be between 0 and 16384 characters, got 100000", b);
            // one line, as for any other bad option: not the stack trace of a runtime exception
            r.assertLogNotContains("InvalidInputException", b);
            r.assertLogNotContains("\tat io.winrminvoke", b);
            assertThat(fleet.requestLog().entries()).isEmpty();
        }
    }

    /**
     * In production structs only warns about an unknown parameter (it throws only under test, where
     * {@code STRICT_PARAMETER_CHECKING} is on); the step must fail either way. The test runs with
     * production's setting.
     */
    @Test
    void aMisspelledOptionFailsTheStepWithStructsMessageAsInProduction(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        boolean strict = DescribableModel.STRICT_PARAMETER_CHECKING;
        DescribableModel.STRICT_PARAMETER_CHECKING = false;
        try (SimulatedFleet fleet = Fixtures.fleet(1, "{}")) {
            WorkflowRun b = runPipeline(r, "node { winrmInvoke(hots: " + Fixtures.groovyHostList(fleet)
                    + ", hosts: " + Fixtures.groovyHostList(fleet) + ", credentialsId: '" + Fixtures.CREDENTIALS_ID
                    + "', command: 'echo hi') }");

            r.assertBuildStatus(Result.FAILURE, b);
            r.assertLogContains("Unknown parameter(s) found for class type '" + WinRmInvokeStep.class.getName()
                    + "': hots; did you mean 'hosts' instead of 'hots'?", b);
            assertThat(fleet.requestLog().entries()).isEmpty();
        } finally {
            DescribableModel.STRICT_PARAMETER_CHECKING = strict;
        }
    }

    @Test
    void listAndMapArgumentsStillBindThroughStructs(JenkinsRule r) throws Exception {
        Fixtures.addUsernamePasswordCredentials();
        try (SimulatedFleet fleet = Fixtures.fleet(2, "{\"hosts\": {\"0-1\": {\"steps\": [{\"stdout\": \"ok\\n\"}]}}}")) {
            WorkflowRun b = runPipeline(r, "node { def rs = " + step(fleet,
                    "powershell: 'param($Version) Write-Output $Version', arguments: [Version: '1.2.3']")
                    + "\n echo \"hosts=${rs.size()}\" }");

            r.assertBuildStatus(Result.SUCCESS, b);
            r.assertLogContains("hosts=2", b);
        }
    }
}
