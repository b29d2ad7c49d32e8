package io.winrminvoke.plugin;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.PluginWrapper;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.junit.JUnitResultArchiver;
import hudson.tasks.junit.TestResultSummary;
import hudson.tasks.test.PipelineTestDetails;
import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.FailurePolicy;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.TargetParser;
import io.winrminvoke.invocation.AccessSettings;
import io.winrminvoke.invocation.CancellableRun;
import io.winrminvoke.invocation.CredentialScope;
import io.winrminvoke.invocation.DurationText;
import io.winrminvoke.invocation.HostsFile;
import io.winrminvoke.invocation.ReportDirectory;
import io.winrminvoke.invocation.ReturnedOutput;
import io.winrminvoke.invocation.RolloutSettings;
import io.winrminvoke.invocation.StepOptionLabels;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jenkins.model.Jenkins;
import jenkins.util.BuildListenerAdapter;

/**
 * One {@code winrmInvoke} on the controller side, shared by the Pipeline step and the freestyle
 * builder: resolve the credential, hand the run to the agent, publish what it produced, apply the
 * engine's verdict. It decides nothing itself: fan-out, retries, reports, masking and the
 * verdict all come from the engine.
 */
final class FleetInvocation {

    /** Where the verdict UNSTABLE is also recorded in Pipeline (the step's own node); null in freestyle. */
    interface UnstableMarker {
        void markUnstable(String message);
    }

    private final InvocationSettings settings;
    private final AccessSettings access;
    private final RolloutSettings rollout;
    private final String credentialsId;
    private final boolean archive;
    private final boolean junit;
    private final ReturnedOutput returnedOutput;

    FleetInvocation(InvocationSettings settings, AccessSettings access, RolloutSettings rollout, String credentialsId,
                    boolean archive, boolean junit, ReturnedOutput returnedOutput) {
        this.settings = settings;
        this.access = access;
        this.rollout = rollout;
        this.credentialsId = credentialsId;
        this.archive = archive;
        this.junit = junit;
        this.returnedOutput = returnedOutput;
    }

    /**
     * Runs the invocation and publishes its results.
     *
     * @param callId      unique among the calls of this build: names the default report directory
     * @param place       what names the call, outermost first: the enclosing stages and parallel
     *                    branches in Pipeline, the job in freestyle; a given {@code reportDir} comes first
     * @param testDetails stage attribution of the test results in Pipeline, null in freestyle
     * @return one map per host, in input order
     * @throws AbortException for invalid input (before any host is contacted) and when the failure
     *                        policy fails the run (after everything is published)
     */
    List<Map<String, Object>> perform(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener,
                                      String callId, List<String> place, PipelineTestDetails testDetails,
                                      UnstableMarker unstable)
            throws IOException, InterruptedException {
        String reportDir;
        List<String> hostUris;
        Duration stopBound;
        String runName;
        try {
            settings.validate();
            access.validate();
            RunOptions options = settings.runOptions(null, access, rollout, access.keytabPlaceholder());
            stopBound = CancellableRun.longestAbort(options);
            reportDir = ReportDirectory.resolve(settings.reportDir(), callId);
            List<Target> targets = controllerSideTargets(workspace);
            access.checkAppliesTo(targets, options);
            hostUris = CredentialScope.uris(targets, options);
            if (!rollout.dryRun()) {
                // a dry run writes nothing, so it takes no report directory from the build's other calls
                ReportDirectoryClaimsAction.of(run).claimReportDirectory(reportDir);
            }
            // the JUnit suite's name: the user's reportDir, else where the call runs, else its id; a dry run writes none
            runName = rollout.dryRun() ? callId : ReportDirectoryClaimsAction.of(run).claimRunName(
                    settings.reportDir() != null ? List.of(settings.reportDir()) : place, callId).value();
        } catch (InvalidInputException e) {
            // a bad option, a bad host entry, a report directory another call has taken
            throw new AbortException("winrmInvoke: " + e.renamed(StepOptionLabels.IN_INPUT_MESSAGES).getMessage());
        } catch (IllegalArgumentException e) {
            throw new AbortException("winrmInvoke: " + e.getMessage());
        }
        HostLogin login = CredentialsLookup.resolve(run, credentialsId, access.keytabCredentialsId(), hostUris);

        FleetOutcome outcome;
        String runId = callId + "-" + UUID.randomUUID();
        try {
            workspace.mkdirs();
            outcome = workspace.act(new AgentFleetCallable(settings, reportDir, runName, access, rollout, login,
                    listener, toolVersion(), runId));
        } catch (InterruptedException e) {
            // The abort: remoting has cancelled the agent's call and let this thread go at once. The
            // agent's run is still terminating its commands and deleting their shells; the build
            // ends after that, so no shell outlives it unnamed. A second abort stops the wait.
            try {
                if (!workspace.act(new AgentRunEnd(runId, stopBound))) {
                    listener.getLogger().println("[winrm-invoke] the cancelled run was still stopping its hosts after "
                            + DurationText.humanise(stopBound.toMillis())
                            + "; see the report directory for shells that may be open");
                }
            } catch (IOException agentGone) {
                e.addSuppressed(agentGone); // the abort stays what the build reports
            }
            throw e;
        } catch (InvalidInputException e) {
            // raised on the agent while parsing hosts and options, before the run started
            throw new AbortException("winrmInvoke: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new AbortException("winrmInvoke: " + e.getMessage());
        }

        if (outcome.dryRun()) {
            listener.getLogger().println("[winrm-invoke] " + outcome.explanation()
                    + "; no reports, artifacts or test results were written");
            return results(outcome);
        }
        if (archive && !outcome.reportFiles().isEmpty()) {
            Map<String, String> artifacts = new LinkedHashMap<>();
            for (String file : outcome.reportFiles()) {
                artifacts.put(reportDir + "/" + file, reportDir + "/" + file);
            }
            run.pickArtifactManager().archive(workspace, launcher, BuildListenerAdapter.wrap(listener), artifacts);
        }
        if (junit && outcome.reportFiles().contains("junit.xml")) {
            JUnitResultArchiver task = new JUnitResultArchiver(reportDir + "/junit.xml");
            // the hosts are not the project's tests: publish no "Tests" check that could clash
            // with the user's own junit step (JUnitResultArchiver#setSkipPublishingChecks, junit-plugin)
            task.setSkipPublishingChecks(true);
            TestResultSummary tests = JUnitResultArchiver.parseAndSummarize(task, testDetails, run, workspace,
                    launcher, listener);
            listener.getLogger().println("[winrm-invoke] test results: " + tests.getTotalCount() + " host(s), "
                    + tests.getFailCount() + " failed");
        }
        run.addAction(new WinRmInvokeAction(outcome.hosts(), outcome.explanation(), archive ? reportDir : null,
                outcome.rollout()));

        listener.getLogger().println("[winrm-invoke] " + outcome.explanation());
        FailurePolicy.Verdict verdict = FailurePolicy.Verdict.valueOf(outcome.verdict());
        if (verdict == FailurePolicy.Verdict.FAILED) {
            throw new AbortException("winrmInvoke: " + outcome.explanation());
        }
        if (verdict == FailurePolicy.Verdict.UNSTABLE) {
            run.setResult(Result.UNSTABLE);
            if (unstable != null) {
                unstable.markUnstable(outcome.explanation());
            }
        }
        return results(outcome);
    }

    /** One map per host, in input order; a staged run's maps also name the host's {@code wave}. */
    private List<Map<String, Object>> results(FleetOutcome outcome) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < outcome.hosts().size(); i++) {
            Map<String, Object> host = outcome.hosts().get(i).toMap(returnedOutput);
            if (outcome.rollout() != null) {
                host.put("wave", outcome.rollout().waveOf(i));
            }
            results.add(host);
        }
        return results;
    }

    /**
     * The plugin's version for results.json, looked up here on the controller: on an agent the
     * classes come through remoting's {@code RemoteClassLoader}, which defines their package
     * without a manifest, so {@code Package#getImplementationVersion()} is null there.
     */
    private static String toolVersion() {
        PluginWrapper plugin = Jenkins.get().getPluginManager().whichPlugin(FleetInvocation.class);
        return plugin == null ? "unknown" : plugin.getVersion();
    }

    /**
     * The hosts, read on the controller for the credential lookup: the hosts text, or the hosts
     * file from the workspace (the agent reads it again, by the same parser, to run).
     */
    private List<Target> controllerSideTargets(FilePath workspace) throws IOException, InterruptedException {
        if (InvocationSettings.isBlank(settings.hostsFile())) {
            return TargetParser.parseLines(settings.hostLines(), "hosts").targets();
        }
        FilePath file = workspace.child(settings.hostsFile().trim());
        if (!file.exists() || file.isDirectory()) {
            throw new InvalidInputException("hostsFile: no such file in the workspace: '" + settings.hostsFile() + "'");
        }
        try (InputStream in = file.read()) {
            return HostsFile.parse(in.readAllBytes(), settings.hostsFile()).targets();
        }
    }
}
