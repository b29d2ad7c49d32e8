package io.winrminvoke.plugin;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.report.ReportContext;
import io.winrminvoke.engine.report.ReportDirectoryWriter;
import io.winrminvoke.engine.result.FailurePolicy;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.TargetList;
import io.winrminvoke.engine.targets.TargetParser;
import io.winrminvoke.engine.targets.Transport;
import io.winrminvoke.invocation.AccessSettings;
import io.winrminvoke.invocation.CancellableRun;
import io.winrminvoke.invocation.HostsFile;
import io.winrminvoke.invocation.ReportFiles;
import io.winrminvoke.invocation.RolloutSettings;
import io.winrminvoke.invocation.RolloutSummary;
import io.winrminvoke.invocation.RunningCalls;
import io.winrminvoke.invocation.StepOptionLabels;
import io.winrminvoke.invocation.TemporaryKeytab;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the fan-out on the agent that holds the workspace, so the WinRM traffic leaves from the
 * node the user chose, not from the controller. The password, SSH key and keytab arrive in a
 * {@link HostLogin} inside the remoting channel and are only unwrapped here; a keytab is written
 * to a temporary file for the run and deleted afterwards.
 *
 * <p>Aborting the build interrupts the controller thread waiting in {@code FilePath.act}; remoting
 * then cancels this call, which interrupts the thread running {@link #invoke}, and
 * {@link CancellableRun} cancels the run (every in-flight remote command terminated, its shell
 * deleted, or named as possibly open) and returns once those requests have gone out. The run is registered in {@link RunningCalls}
 * under {@code callId} until those stops have been sent, so the controller, which remoting lets go
 * at once, can wait for them ({@link AgentRunEnd}) before the build ends.
 */
final class AgentFleetCallable extends MasterToSlaveFileCallable<FleetOutcome> {

    private static final long serialVersionUID = 1L;

    private final InvocationSettings settings;
    /** Relative to the workspace, this call's own (see {@code ReportDirectory}). */
    private final String reportDir;
    /** Names the JUnit suite ({@code RunNames}). */
    private final String runName;
    private final AccessSettings access;
    private final RolloutSettings rollout;
    private final HostLogin login;
    private final TaskListener listener;
    /** The plugin's version, for results.json: looked up on the controller (see {@code FleetInvocation}). */
    private final String toolVersion;
    /** Unique per call: names the run in {@link RunningCalls} on the agent. */
    private final String callId;

    AgentFleetCallable(InvocationSettings settings, String reportDir, String runName, AccessSettings access,
                       RolloutSettings rollout, HostLogin login, TaskListener listener, String toolVersion,
                       String callId) {
        this.settings = settings;
        this.reportDir = reportDir;
        this.runName = runName;
        this.access = access;
        this.rollout = rollout;
        this.login = login;
        this.listener = listener;
        this.toolVersion = toolVersion;
        this.callId = callId;
    }

    @Override
    public FleetOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        RunningCalls.Running running = RunningCalls.start(callId);
        try (TemporaryKeytab keytab = TemporaryKeytab.write(login.keytab())) {
            return run(workspace, log, keytab == null ? null : keytab.path());
        } catch (InvalidInputException e) {
            throw e.renamed(StepOptionLabels.IN_INPUT_MESSAGES);
        } finally {
            // On an agent the Pipeline log is buffered (workflow-api's BufferedBuildListener over a
            // DelayBufferedOutputStream, flushed by a timer): flush so the last [host] lines reach
            // the controller before the step's result, also when the run was aborted.
            log.flush();
            running.close(); // after the stops were sent: an aborted call's controller waits for this
        }
    }

    private FleetOutcome run(File workspace, PrintStream log, Path keytab) throws IOException, InterruptedException {
        // every option is validated here, before the run starts: a bad value contacts no host
        String password = login.plainPassword();
        SecretMasker masker = login.masker();
        if (password == null && !InvocationSettings.isBlank(settings.passwordArgument())) {
            throw new InvalidInputException("passwordArgument: the credentials hold no password to pass"
                    + " (an SSH key credential, or a keytab logs in)");
        }
        CommandSpec command = settings.commandSpec(password);
        RunOptions options = settings.runOptions(workspace, access, rollout, keytab);
        TargetList targets = readTargets(workspace).distinctByPort(options::portFor);
        RunRequest request = new RunRequest(targets.targets(), login.user(), password, command, options, masker,
                login.sshPrivateKey());
        List<String> warnings = new ArrayList<>(targets.warnings());
        warnings.addAll(options.rollout().warnings());
        for (String warning : warnings) {
            log.println("[winrm-invoke] warning: " + request.masker().mask(warning));
        }
        FailurePolicy policy = settings.failurePolicy();
        if (settings.skipCertificateCheck()) {
            log.println("[winrm-invoke] WARNING: certificate verification is OFF (skipCertificateCheck);"
                    + " the password can be read by anyone on the network path");
        }
        accessWarnings(request, log);
        if (rollout.dryRun()) {
            return DryRunLog.print(log, request, effectiveOptions(request),
                    DryRunLog.sources(settings, access, rollout));
        }

        Path reportDir = workspace.toPath().resolve(this.reportDir);
        Files.createDirectories(reportDir);
        RunResult result;
        // the files keep their standard names: each call has a report directory of its own
        ReportContext report = new ReportContext(reportDir, runName, toolVersion,
                effectiveOptions(request), request.masker(), false);
        try (ReportDirectoryWriter writer = new ReportDirectoryWriter(report,
                problem -> log.println("[winrm-invoke] report problem: " + problem))) {
            // an abort (this thread interrupted) cancels the run: the abort is reported, not the partial results
            result = CancellableRun.run(request, new ConsoleRunListener(log, writer));
        }

        List<HostOutcome> hosts = new ArrayList<>();
        result.hosts().forEach(h -> hosts.add(HostOutcome.of(h, reportDir)));
        // decide(RunResult): a rollout its budget stopped never passes, whatever the tolerance
        return new FleetOutcome(hosts, policy.decide(result).name(), policy.explain(result),
                ReportFiles.writtenBy(reportDir, targets.targets()), RolloutSummary.of(result.rollout()), false);
    }

    /** What the engine says a run with these settings must warn about, once, before it starts (docs/ssh.md, docs/auth.md). */
    private void accessWarnings(RunRequest request, PrintStream log) {
        RunOptions options = request.options();
        if (options.ssh().acceptUnknownHostKey() && options.anyUses(Transport.SSH, request.targets())) {
            log.println("[winrm-invoke] WARNING: acceptUnknownHostKey: SSH hosts not listed in "
                    + options.ssh().knownHostsFile() + " are accepted without verification;"
                    + " each one is named with its key's fingerprint as it connects");
        }
        String auth = options.anyUses(Transport.WINRM, request.targets())
                ? options.auth().warning(request.user(), options.https()) : null;
        if (auth != null) {
            log.println("[winrm-invoke] WARNING: allowUnencrypted: " + auth);
        }
    }

    /** What results.json records as the run's options: nothing secret (the masker runs over it once more). */
    private Map<String, Object> effectiveOptions(RunRequest request) {
        CommandSpec command = request.command();
        RunOptions options = request.options();
        Map<String, Object> effective = new LinkedHashMap<>();
        effective.put("command", command.description());
        effective.put("https", options.https());
        effective.put("port", options.port());
        effective.put("caCertificate", settings.caCertificate());
        effective.put("skipCertificateCheck", settings.skipCertificateCheck());
        effective.put("throttle", options.throttle());
        effective.put("retries", options.retryPolicy().retries());
        effective.put("connectTimeout", options.connectTimeout());
        effective.put("operationTimeout", options.operationTimeout());
        effective.put("commandTimeout", options.commandTimeout());
        effective.put("timeout", options.overallTimeout());
        effective.put("onFailure", settings.onFailure());
        effective.put("toleratedFailures", settings.toleratedFailures());
        effective.put("toleratedFailurePercent", settings.toleratedFailurePercent());
        access.describe(request, effective);
        rollout.describe(options.rollout(), effective);
        return effective;
    }

    private TargetList readTargets(File workspace) throws IOException {
        if (!InvocationSettings.isBlank(settings.hostsFile())) {
            Path file = workspace.toPath().resolve(settings.hostsFile().trim());
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("hostsFile: no such file in the workspace: '" + settings.hostsFile() + "'");
            }
            return HostsFile.parse(Files.readAllBytes(file), settings.hostsFile());
        }
        return TargetParser.parseLines(settings.hostLines(), "hosts");
    }
}
