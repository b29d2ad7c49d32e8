package io.winrminvoke.cli.run;

import io.winrminvoke.cli.CliEnvironment;
import io.winrminvoke.cli.ExitStatus;
import io.winrminvoke.engine.options.DurationParser;
import io.winrminvoke.engine.options.InvalidInputException;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.powershell.PowerShellCommand;
import io.winrminvoke.engine.report.ResultsJsonReader;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.target.Target;
import io.winrminvoke.engine.target.TargetList;
import io.winrminvoke.engine.target.TargetParser;
import io.winrminvoke.engine.winrm.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code winrm-invoke run}: the options of the design's CLI contract. Everything is validated
 * in {@link #toInvocation()} before any host is contacted.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Runs one command or PowerShell script on every host and writes a report directory.",
        footer = {"",
                "Durations: 500ms, 30s, 5m, 1h or ISO-8601 (PT30S).",
                "Exit status: 0 every host succeeded; 1 at least one host did not; 2 invalid input "
                        + "(no host contacted)."})
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--hosts-file", paramLabel = "FILE",
            description = "One host[:port] per line; blank lines and # comments ignored.")
    Path hostsFile;

    @Option(names = "--host", paramLabel = "HOST[:PORT]",
            description = "A host to run on (repeatable; IPv6 as [::1]:5986).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--rerun-failed", paramLabel = "RESULTS_JSON",
            description = "Run only the hosts that did not succeed in this earlier results.json.")
    Path rerunFailed;

    @Option(names = "--user", required = true, description = "WinRM user (e.g. Administrator or DOMAIN\\user).")
    String user;

    @Option(names = "--password-env", required = true, paramLabel = "VAR",
            description = "Name of the environment variable holding the password (never given on the command line).")
    String passwordEnv;

    @Option(names = "--command", paramLabel = "COMMAND_LINE", description = "A cmd.exe command line.")
    String command;

    @Option(names = "--powershell", paramLabel = "SCRIPT",
            description = "A PowerShell script, sent as -EncodedCommand.")
    String powershell;

    @Option(names = "--powershell-file", paramLabel = "FILE",
            description = "A PowerShell script file (UTF-8), sent as -EncodedCommand.")
    Path powershellFile;

    @Option(names = "--https", description = "Use HTTPS (default port 5986) instead of HTTP (5985).")
    boolean https;

    @Option(names = "--port", description = "Port for hosts that name none (default 5985, 5986 with --https).")
    Integer port;

    @Option(names = "--throttle", paramLabel = "N",
            description = "Most hosts in flight at once (default " + RunOptions.DEFAULT_THROTTLE
                    + ", as Invoke-Command).")
    Integer throttle;

    @Option(names = "--retries", paramLabel = "N",
            description = "Retries of transient failures after the first attempt (default "
                    + (RetryPolicy.DEFAULT_MAX_ATTEMPTS - 1) + ").")
    Integer retries;

    @Option(names = "--retry-delay", paramLabel = "DURATION",
            description = "Wait before the first retry; doubles after each (default 5s).")
    String retryDelay;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", description = "TCP/TLS connect timeout (default 30s).")
    String connectTimeout;

    @Option(names = "--operation-timeout", paramLabel = "DURATION",
            description = "WS-Management OperationTimeout: how long one Receive waits for output (default 20s). "
                    + "Not a command limit: silent commands keep running.")
    String operationTimeout;

    @Option(names = "--command-timeout", paramLabel = "DURATION",
            description = "Per-host limit for the command; on expiry it is terminated, status TIMED_OUT (default none).")
    String commandTimeout;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Limit for the whole run; hosts not started are SKIPPED, running ones CANCELLED (default none).")
    String overallTimeout;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Where results.json, results.csv, junit.xml, events.jsonl and hosts/*.log go "
                    + "(default: ./winrm-invoke-reports/<timestamp>).")
    Path reportDir;

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "Trust this CA (PEM) for HTTPS, verification stays on.")
    Path caFile;

    @Option(names = "--insecure",
            description = "HTTPS without verifying certificates or host names. Dangerous; prints a warning.")
    boolean insecure;

    @Option(names = {"-q", "--quiet"}, description = "No live [host] lines and no progress line; the summary only.")
    boolean quiet;

    @Option(names = "--codepage", paramLabel = "N",
            description = "Windows code page of the remote shell and of its output (default 65001 = UTF-8).")
    Integer codepage;

    private final CliEnvironment environment;

    public RunCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        RunInvocation invocation = toInvocation();
        if (invocation.targets().isEmpty()) {
            // only --rerun-failed gets here: an empty host list given by the user is invalid input
            environment.out().println("nothing to re-run: every host in " + rerunFailed + " succeeded");
            environment.out().flush();
            return ExitStatus.ALL_SUCCEEDED;
        }
        RunResult result = new FleetExecution(environment).execute(invocation);
        return result.summary().allSucceeded() ? ExitStatus.ALL_SUCCEEDED : ExitStatus.SOME_FAILED;
    }

    /**
     * Validates every option and reads every input file.
     *
     * @throws InvalidInputException one line naming the option, the bad value and what is allowed
     */
    public RunInvocation toInvocation() {
        CommandSpec commandSpec = commandSpec();
        String password = password();
        TlsSettings tls = tlsSettings();
        RunOptions options = runOptions(tls);
        TargetSelection selection = targets();
        // A re-run with nothing to do writes no report, so it creates no directory either.
        Path reports = selection.targets().isEmpty() ? ReportDirectories.DEFAULT_ROOT
                : ReportDirectories.prepare(reportDir);
        return new RunInvocation(selection.targets(), selection.warnings(), user, password, commandSpec, options,
                reports, quiet);
    }

    private CommandSpec commandSpec() {
        List<String> given = new ArrayList<>();
        if (command != null) {
            given.add("--command");
        }
        if (powershell != null) {
            given.add("--powershell");
        }
        if (powershellFile != null) {
            given.add("--powershell-file");
        }
        if (given.isEmpty()) {
            throw new InvalidInputException("nothing to run: give --command, --powershell or --powershell-file");
        }
        if (given.size() > 1) {
            throw new InvalidInputException("give only one of --command, --powershell, --powershell-file (got "
                    + String.join(" and ", given) + ")");
        }
        if (codepage != null && (codepage < 1 || codepage > 65535)) {
            throw InvalidInputException.forOption("--codepage", codepage,
                    "allowed a Windows code page number 1..65535 such as 65001 (UTF-8) or 932 (Japanese)");
        }
        CommandSpec spec;
        if (command != null) {
            if (command.isBlank()) {
                throw InvalidInputException.forOption("--command", command, "a non-empty command line");
            }
            spec = CommandSpec.commandLine(command);
        } else {
            String script = powershell != null ? powershell : InputFiles.readText(powershellFile, "--powershell-file");
            if (script.isBlank()) {
                throw new InvalidInputException(powershell != null
                        ? "--powershell: the script is empty"
                        : "--powershell-file: " + powershellFile + " is empty");
            }
            spec = PowerShellCommand.builder().script(script).build().toCommandSpec();
        }
        if (codepage == null) {
            return spec;
        }
        return new CommandSpec(spec.command(), spec.arguments(), spec.skipCmdShell(), spec.stdin(), codepage,
                spec.clixmlStderr(), spec.description());
    }

    private String password() {
        if (passwordEnv.isBlank()) {
            throw InvalidInputException.forOption("--password-env", passwordEnv, "the name of an environment variable");
        }
        String value = environment.env().get(passwordEnv);
        if (value == null) {
            throw new InvalidInputException("--password-env: environment variable " + passwordEnv + " is not set");
        }
        if (value.isEmpty()) {
            throw new InvalidInputException("--password-env: environment variable " + passwordEnv + " is empty");
        }
        return value;
    }

    private TlsSettings tlsSettings() {
        if (caFile != null && insecure) {
            throw new InvalidInputException("give --ca-file or --insecure, not both: --insecure turns off the "
                    + "verification --ca-file configures");
        }
        if ((caFile != null || insecure) && !https) {
            throw new InvalidInputException((insecure ? "--insecure" : "--ca-file") + " applies only to HTTPS: add --https");
        }
        if (caFile != null) {
            InputFiles.requireReadable(caFile, "--ca-file");
            return new TlsSettings(caFile, false);
        }
        return insecure ? new TlsSettings(null, true) : TlsSettings.verifying();
    }

    private RunOptions runOptions(TlsSettings tls) {
        RunOptions.Builder builder = RunOptions.builder().https(https).port(port).tls(tls);
        if (throttle != null) {
            builder.throttle(throttle);
        }
        if (connectTimeout != null) {
            builder.connectTimeout(DurationParser.parse(connectTimeout, "--connect-timeout"));
        }
        if (operationTimeout != null) {
            builder.operationTimeout(DurationParser.parse(operationTimeout, "--operation-timeout"));
        }
        if (commandTimeout != null) {
            builder.commandTimeout(DurationParser.parse(commandTimeout, "--command-timeout"));
        }
        if (overallTimeout != null) {
            builder.overallTimeout(DurationParser.parse(overallTimeout, "--timeout"));
        }
        builder.retryPolicy(retryPolicy());
        return OptionNames.translate(builder::build);
    }

    private RetryPolicy retryPolicy() {
        RetryPolicy.Builder builder = RetryPolicy.builder();
        if (retries != null) {
            if (retries < 0) {
                throw InvalidInputException.forOption("--retries", retries,
                        "allowed 0 or more (retries after the first attempt)");
            }
            OptionNames.translate(() -> builder.retries(retries));
        }
        if (retryDelay != null) {
            Duration delay = DurationParser.parse(retryDelay, "--retry-delay");
            builder.initialDelay(delay);
        }
        return OptionNames.translate(builder::build);
    }

    private TargetSelection targets() {
        if (rerunFailed != null) {
            if (hostsFile != null || !hosts.isEmpty()) {
                throw new InvalidInputException("--rerun-failed selects the hosts itself: do not combine it with "
                        + "--hosts-file or --host");
            }
            InputFiles.requireReadable(rerunFailed, "--rerun-failed");
            return TargetSelection.of(ResultsJsonReader.targetsToRerun(rerunFailed));
        }
        List<TargetList> lists = new ArrayList<>();
        if (hostsFile != null) {
            lists.add(TargetParser.parseLines(InputFiles.readLines(hostsFile, "--hosts-file"), hostsFile.toString()));
        }
        if (!hosts.isEmpty()) {
            lists.add(TargetParser.parseLines(hosts, "--host"));
        }
        TargetSelection selection = TargetSelection.combine(lists);
        if (selection.targets().isEmpty()) {
            throw new InvalidInputException(hostsFile != null && hosts.isEmpty()
                    ? "--hosts-file: " + hostsFile + " names no host (only blank lines or # comments)"
                    : "no hosts: give --hosts-file FILE, --host HOST or --rerun-failed RESULTS_JSON");
        }
        return selection;
    }

    /** The targets of a run and the warnings found while reading them. */
    record TargetSelection(List<Target> targets, List<String> warnings) {

        static TargetSelection of(List<Target> targets) {
            return new TargetSelection(targets, List.of());
        }

        /** Concatenates in order; a host named in two sources runs once and is reported. */
        static TargetSelection combine(List<TargetList> lists) {
            List<Target> targets = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (TargetList list : lists) {
                warnings.addAll(list.warnings());
                for (Target target : list.targets()) {
                    if (targets.contains(target)) {
                        warnings.add("duplicate host " + target.display() + " (given in more than one place) runs once");
                    } else {
                        targets.add(target);
                    }
                }
            }
            return new TargetSelection(targets, warnings);
        }
    }
}
