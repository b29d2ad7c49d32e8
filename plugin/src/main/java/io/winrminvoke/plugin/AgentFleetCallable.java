package io.winrminvoke.plugin;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.report.ReportContext;
import io.winrminvoke.engine.report.ReportDirectoryWriter;
import io.winrminvoke.engine.result.FailurePolicy;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.FleetRunner;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.TargetList;
import io.winrminvoke.engine.targets.TargetParser;
import io.winrminvoke.invocation.HostsFile;
import io.winrminvoke.invocation.ReportFiles;
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
 * node the user chose, not from the controller. The password arrives as a {@link Secret} inside
 * the encrypted remoting channel and is only unwrapped here.
 *
 * <p>Aborting the build interrupts the controller thread waiting in {@code FilePath.act}; remoting
 * then cancels this call, which interrupts the thread running {@link #invoke}, and the engine
 * treats that interrupt as a cancellation of the run (every in-flight remote command terminated).
 */
final class AgentFleetCallable extends MasterToSlaveFileCallable<FleetOutcome> {

    private static final long serialVersionUID = 1L;

    private final InvocationSettings settings;
    /** Relative to the workspace, this call's own (see {@code ReportDirectory}). */
    private final String reportDir;
    private final String user;
    /** The credential marks its username secret: masked like the password. */
    private final boolean usernameSecret;
    private final Secret password;
    private final TaskListener listener;
    /** The plugin's version, for results.json: looked up on the controller (see {@code FleetInvocation}). */
    private final String toolVersion;

    AgentFleetCallable(InvocationSettings settings, String reportDir, String user, boolean usernameSecret,
                       Secret password, TaskListener listener, String toolVersion) {
        this.settings = settings;
        this.reportDir = reportDir;
        this.user = user;
        this.usernameSecret = usernameSecret;
        this.password = password;
        this.listener = listener;
        this.toolVersion = toolVersion;
    }

    @Override
    public FleetOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        try {
            return run(workspace, log);
        } finally {
            // On an agent the Pipeline log is buffered (workflow-api's BufferedBuildListener over a
            // DelayBufferedOutputStream, flushed by a timer): flush so the last [host] lines reach
            // the controller before the step's result, also when the run was aborted.
            log.flush();
        }
    }

    private FleetOutcome run(File workspace, PrintStream log) throws IOException, InterruptedException {
        // every option is validated here, before the run starts: a bad value contacts no host
        SecretMasker masker = usernameSecret ? SecretMasker.of(password.getPlainText(), user)
                : SecretMasker.of(password.getPlainText());
        CommandSpec command = settings.commandSpec(password.getPlainText());
        RunOptions options = settings.runOptions(workspace);
        TargetList targets = readTargets(workspace).distinctByPort(options::portFor);
        for (String warning : targets.warnings()) {
            log.println("[winrm-invoke] warning: " + masker.mask(warning));
        }
        RunRequest request = new RunRequest(targets.targets(), user, password.getPlainText(), command, options, masker);
        FailurePolicy policy = settings.failurePolicy();
        if (settings.skipCertificateCheck()) {
            log.println("[winrm-invoke] WARNING: certificate verification is OFF (skipCertificateCheck);"
                    + " the password can be read by anyone on the network path");
        }

        Path reportDir = workspace.toPath().resolve(this.reportDir);
        Files.createDirectories(reportDir);
        RunResult result;
        ReportContext report = new ReportContext(reportDir, this.reportDir, toolVersion,
                effectiveOptions(command, options), masker, false);
        try (ReportDirectoryWriter writer = new ReportDirectoryWriter(report,
                problem -> log.println("[winrm-invoke] report problem: " + problem))) {
            result = FleetRunner.run(request, new ConsoleRunListener(log, writer));
        }
        if (Thread.interrupted()) {
            // the run was cancelled by an abort: report the abort, not the partial results
            throw new InterruptedException("winrmInvoke aborted; the run was cancelled");
        }

        List<HostOutcome> hosts = new ArrayList<>();
        result.hosts().forEach(h -> hosts.add(HostOutcome.of(h, reportDir)));
        return new FleetOutcome(hosts, policy.decide(result.summary()).name(), policy.explain(result.summary()),
                ReportFiles.writtenBy(reportDir, targets.targets()));
    }

    /** What results.json records as the run's options: nothing secret (the masker runs over it once more). */
    private Map<String, Object> effectiveOptions(CommandSpec command, RunOptions options) {
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
