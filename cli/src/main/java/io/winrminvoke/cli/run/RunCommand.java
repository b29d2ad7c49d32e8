package io.winrminvoke.cli.run;

import io.winrminvoke.cli.VersionProvider;
import io.winrminvoke.cli.CliEnvironment;
import io.winrminvoke.cli.ExitStatus;
import io.winrminvoke.engine.options.DurationParser;
import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.powershell.PowerShellCommand;
import io.winrminvoke.engine.powershell.PowerShellEdition;
import io.winrminvoke.engine.powershell.ScriptFileText;
import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.report.InvalidResultsFileException;
import io.winrminvoke.engine.report.ResultsJsonReader;
import io.winrminvoke.engine.report.ReportName;
import io.winrminvoke.engine.report.retention.RetentionPolicy;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.rollout.RolloutPolicy;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.ssh.SshPrivateKey;
import io.winrminvoke.engine.targets.TargetList;
import io.winrminvoke.engine.targets.TargetParser;
import io.winrminvoke.engine.targets.Transport;
import io.winrminvoke.engine.winrm.AuthSettings;
import io.winrminvoke.engine.winrm.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code winrm-invoke run}: the options of the design's CLI contract. Everything is validated
 * in {@link #toInvocation()} before any host is contacted.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Runs one command or PowerShell script on every host and writes a report directory.",
        footer = {"",
                "Durations: 500ms, 30s, 5m, 1h, 30d or ISO-8601 (PT30S).",
                "Options can also come from a file of arguments: @FILE (one or more per line).",
                "Exit status: 0 every host succeeded (--dry-run: the inputs are valid); 1 at least one host "
                        + "did not; 2 invalid input (no host contacted)."})
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--hosts-file", paramLabel = "FILE",
            description = "One host[:port] per line (ssh://host[:port] for an SSH host); blank lines and "
                    + "# comments ignored.")
    Path hostsFile;

    @Option(names = "--host", paramLabel = "HOST[:PORT]",
            description = "A host to run on (repeatable; IPv6 as [::1]:5986; ssh://host[:port] for SSH).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--rerun-failed", paramLabel = "RESULTS_JSON",
            description = "Run only the hosts that did not succeed in this earlier results.json.")
    Path rerunFailed;

    @Option(names = "--user", required = true, paramLabel = "USER",
            description = "User for every host (e.g. Administrator or DOMAIN\\user).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Name of the environment variable holding the password (never given on the command line). "
                    + "Required unless --keytab or --kerberos-ticket-cache gives Kerberos credentials for the WinRM hosts "
                    + "and --ssh-key logs in to the SSH hosts.")
    String passwordEnv;

    @Option(names = "--auth", paramLabel = "METHOD",
            description = "basic, ntlm, kerberos or negotiate (Kerberos, else NTLM). Default: negotiate for "
                    + "user@REALM, ntlm for DOMAIN\\user and local users; kerberos with --keytab or "
                    + "--kerberos-ticket-cache. ntlm, kerberos and negotiate seal every message over HTTP.")
    String auth;

    @Option(names = "--kerberos-ticket-cache", paramLabel = "FILE",
            description = "Use the Kerberos tickets in this cache (as written by kinit) instead of a password.")
    Path kerberosTicketCache;

    @Option(names = "--keytab", paramLabel = "FILE",
            description = "Log in to Kerberos as --user with the key in this keytab instead of a password.")
    Path keytab;

    @Option(names = "--spn-service", paramLabel = "SERVICE",
            description = "Service class of the Kerberos SPN: HTTP (default, HTTP/host) or WSMAN (WSMAN/host).")
    String spnService;

    @Option(names = "--spn-port",
            description = "Ask Kerberos for HTTP/host:port (for SPNs registered with the port).")
    boolean spnWithPort;

    @Option(names = "--spn-canonical-name",
            description = "Resolve each host name to its canonical DNS name before building the Kerberos SPN.")
    boolean spnCanonicalName;

    @Option(names = "--allow-unencrypted",
            description = "Allow --auth basic over plain HTTP: the password, commands and output cross the network "
                    + "unencrypted (the host needs Basic and AllowUnencrypted on). Prints a warning.")
    boolean allowUnencrypted;

    @Mixin
    SshOptions ssh = new SshOptions();

    @Option(names = "--command", paramLabel = "COMMAND_LINE", description = "A cmd.exe command line.")
    String command;

    @Option(names = "--powershell", paramLabel = "SCRIPT",
            description = "A PowerShell script, sent as -EncodedCommand.")
    String powershell;

    @Option(names = "--powershell-file", paramLabel = "FILE",
            description = "A PowerShell script file (UTF-8), sent as -EncodedCommand.")
    Path powershellFile;

    @Option(names = "--powershell-edition", paramLabel = "EDITION",
            description = "powershell (Windows PowerShell 5.1, default) or pwsh (PowerShell 7).")
    String powershellEdition;

    @Option(names = "--powershell-arg", paramLabel = "NAME=VALUE",
            description = "A named argument for the script's param() block (repeatable); sent on stdin, "
                    + "never on the remote command line.")
    Map<String, String> powershellArguments = new LinkedHashMap<>();

    @Option(names = "--password-arg", paramLabel = "NAME",
            description = "Also pass the login password to the script as parameter NAME (sent on stdin, "
                    + "masked like the password everywhere).")
    String passwordArgument;

    @Option(names = "--error-action-stop",
            description = "Run the script with $ErrorActionPreference = 'Stop': any error ends it with exit code 1.")
    boolean errorActionStop;

    @Option(names = "--https", description = "Use HTTPS (default port 5986) instead of HTTP (5985).")
    boolean https;

    @Option(names = "--port", paramLabel = "N",
            description = "Port for hosts that name none (default 5985, 5986 with --https).")
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

    @Option(names = "--retry-backoff", paramLabel = "X",
            description = "Multiply the wait by X after each retry (default "
                    + RetryPolicy.DEFAULT_MULTIPLIER + "; 1 keeps it constant).")
    Double retryBackoff;

    @Option(names = "--max-retry-delay", paramLabel = "DURATION",
            description = "Longest wait between retries (default 60s, or --retry-delay if that is longer).")
    String maxRetryDelay;

    @Option(names = "--retry-on-exit-code",
            description = "Also retry a host whose command exited non-zero (off: a failed command is a result, "
                    + "not a transient fault).")
    boolean retryOnNonZeroExit;

    @Option(names = "--retry-started",
            description = "Also retry when the connection dropped after the command may have started "
                    + "(off: such a command could run twice).")
    boolean retryAfterCommandStarted;

    @Option(names = "--connect-timeout", paramLabel = "DURATION",
            description = "TCP/TLS connect timeout (default 30s).")
    String connectTimeout;

    @Option(names = "--operation-timeout", paramLabel = "DURATION",
            description = "WS-Management OperationTimeout: how long one Receive waits for output (default 20s). "
                    + "Not a command limit: silent commands keep running.")
    String operationTimeout;

    @Option(names = "--command-timeout", paramLabel = "DURATION",
            description = "Per-host limit for the command; on expiry it is terminated, status TIMED_OUT "
                    + "(default none).")
    String commandTimeout;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Limit for the whole run; hosts not started are SKIPPED, running ones are "
                    + "terminated and TIMED_OUT (default none).")
    String overallTimeout;

    @Option(names = "--waves", paramLabel = "SIZES",
            description = "Roll out in waves: sizes as host counts or percentages of the fleet, the last repeating, "
                    + "e.g. 1,10%%,100%% (a canary, then 10%%, then the rest). Hosts go in list order; each wave starts "
                    + "when the previous one has ended (default: one wave).")
    String waves;

    @Option(names = "--max-failures", paramLabel = "N|P%",
            description = "Failure budget: once a wave ends with more failed hosts than N, or than P%% of the hosts "
                    + "run so far, no further host starts; those left end SKIPPED (default: none).")
    String maxFailures;

    @Option(names = "--fail-fast",
            description = "Stop the rollout at the first failed host (--max-failures 0); hosts in flight finish.")
    boolean failFast;

    @Option(names = "--auth-failure-limit", paramLabel = "N",
            description = "Once N hosts have refused the credentials, no further host is tried with them and the rest "
                    + "end SKIPPED, so a wrong password cannot lock a domain account out (default "
                    + RunOptions.DEFAULT_AUTH_FAILURE_LIMIT + "; 0 = no limit).")
    Integer authFailureLimit;

    @Option(names = "--dry-run",
            description = "Validate everything and contact nothing: print the targets, the waves, the options and "
                    + "where each came from, and the command line every host would receive; exit 0 if valid.")
    boolean dryRun;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Where results.json, results.csv, junit.xml, events.jsonl and hosts/*.log go "
                    + "(default: a new winrm-invoke-<UTC time> directory under ./winrm-invoke-reports).")
    Path reportDir;

    @Option(names = "--report-name", paramLabel = "NAME",
            description = "Name of this run's reports: the JUnit suite, the prefix of the report files "
                    + "(NAME-results.json, NAME-junit.xml, ...) and of the default report directory, so several runs "
                    + "of one build keep separate test results; letters, digits, '.', '_', '-' (default "
                    + "winrm-invoke, standard file names).")
    String reportName;

    @Option(names = "--keep-reports", paramLabel = "N",
            description = "After the run, delete all but the newest N report directories next to this one "
                    + "(only directories this tool created).")
    Integer keepReports;

    @Option(names = "--keep-reports-for", paramLabel = "DURATION",
            description = "After the run, delete report directories next to this one older than DURATION "
                    + "(e.g. 30d or P30D; only directories this tool created).")
    String keepReportsFor;

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "Trust this CA (PEM) for HTTPS, verification stays on.")
    Path caFile;

    @Option(names = "--insecure",
            description = "HTTPS without verifying certificates or host names. Dangerous; prints a warning.")
    boolean insecure;

    @Option(names = {"-q", "--quiet"}, description = "No live [host] lines and no progress line; the summary only.")
    boolean quiet;

    @Option(names = "--codepage", paramLabel = "N",
            description = "Windows code page of the remote shell and of its output, for --command "
                    + "(default 65001 = UTF-8; PowerShell output is always UTF-8).")
    Integer codepage;

    @Option(names = "--csv-bom",
            description = "Start results.csv with a UTF-8 byte order mark (Excel on Japanese Windows needs it).")
    boolean csvByteOrderMark;

    @Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    private final CliEnvironment environment;

    public RunCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Optional<RunInvocation> invocation = toInvocation();
        if (invocation.isEmpty()) {
            // only --rerun-failed gets here: an empty host list given by the user is invalid input
            environment.out().println((dryRun ? "dry run: " : "") + "nothing to re-run: every host in " + rerunFailed
                    + " succeeded");
            environment.out().flush();
            return ExitStatus.ALL_SUCCEEDED;
        }
        if (dryRun) {
            DryRunOutput.print(environment, invocation.get(), commandSpec.commandLine().getParseResult());
            return ExitStatus.ALL_SUCCEEDED;
        }
        RunResult result = new FleetExecution(environment).execute(invocation.get());
        return result.summary().allSucceeded() ? ExitStatus.ALL_SUCCEEDED : ExitStatus.SOME_FAILED;
    }

    /**
     * Validates every option and reads every input file; creates the report directory (not for a dry run).
     *
     * @return the run; empty when {@code --rerun-failed} names a run in which every host succeeded
     * @throws InvalidInputException one line naming the option, the bad value and what is allowed
     */
    public Optional<RunInvocation> toInvocation() {
        String password = passwordEnv == null ? null : secretFromEnv(passwordEnv, "--password-env", "password", "WINRM_PASSWORD");
        try {
            return toInvocation(password);
        } catch (InvalidInputException e) {
            // messages quote the user's input (a hosts-file line, a --host value): a password
            // pasted there must not reach the build log
            String masked = (password == null ? SecretMasker.of() : SecretMasker.of(password)).mask(e.getMessage());
            if (masked.equals(e.getMessage())) {
                throw e;
            }
            throw new InvalidInputException(masked);
        }
    }

    private Optional<RunInvocation> toInvocation(String password) {
        ReportName name = reportName == null ? ReportName.DEFAULT : OptionNames.translate(() -> new ReportName(reportName));
        CommandSpec commandSpec = commandSpec(password);
        RunOptions options = runOptions(tlsSettings(), authSettings());
        RetentionPolicy retention = retention();
        TargetList targets = targets().distinctByPort(options::portFor);
        if (targets.targets().isEmpty()) {
            return Optional.empty();
        }
        SshPrivateKey key = ssh.privateKey(targets, options,
                (variable, option) -> secretFromEnv(variable, option, "passphrase", "SSH_KEY_PASSPHRASE"));
        List<String> secrets = new ArrayList<>();
        if (password != null) {
            secrets.add(password);
        }
        // The engine's own checks (codepage known to the JVM, CA file holds certificates, known_hosts
        // readable, the key decrypts) run here, still before any host is contacted.
        RunRequest request = OptionNames.translate(() -> new RunRequest(targets.targets(), user, password,
                commandSpec, options, SecretMasker.of(secrets), key));
        Path chosen = ReportDirectoryOption.choose(reportDir, name);
        Path reports = dryRun ? chosen : ReportDirectoryOption.create(chosen);
        List<String> warnings = new ArrayList<>(targets.warnings());
        warnings.addAll(options.rollout().warnings());
        Map<String, Object> effective = effectiveOptions(request);
        effective.put("reportName", name.value());
        return Optional.of(new RunInvocation(request, warnings, reports, name, quiet, csvByteOrderMark, effective,
                retention));
    }

    private CommandSpec commandSpec(String password) {
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
        if (command != null) {
            List<String> powershellOnly = new ArrayList<>();
            if (powershellEdition != null) {
                powershellOnly.add("--powershell-edition");
            }
            if (!powershellArguments.isEmpty()) {
                powershellOnly.add("--powershell-arg");
            }
            if (passwordArgument != null) {
                powershellOnly.add("--password-arg");
            }
            if (errorActionStop) {
                powershellOnly.add("--error-action-stop");
            }
            if (!powershellOnly.isEmpty()) {
                throw new InvalidInputException(String.join(", ", powershellOnly)
                        + " applies only to --powershell or --powershell-file");
            }
            if (command.isBlank()) {
                throw InvalidInputException.forOption("--command", command, "a non-empty command line");
            }
            CommandSpec spec = CommandSpec.commandLine(command);
            return codepage == null ? spec : new CommandSpec(spec.command(), spec.arguments(), spec.skipCmdShell(),
                    spec.stdin(), codepage, spec.clixmlStderr(), spec.description());
        }
        if (codepage != null) {
            // the wrapper makes PowerShell write UTF-8 whatever the shell's code page
            throw new InvalidInputException("--codepage applies only to --command: PowerShell output is always UTF-8");
        }
        String script = powershell != null ? powershell : scriptFile();
        if (script.isBlank()) {
            throw new InvalidInputException(powershell != null
                    ? "--powershell: the script is empty"
                    : "--powershell-file: " + powershellFile + " is empty");
        }
        Map<String, String> arguments = new LinkedHashMap<>(powershellArguments);
        if (passwordArgument != null) {
            if (password == null) {
                throw new InvalidInputException("--password-arg passes the login password: give --password-env too");
            }
            if (arguments.keySet().stream().anyMatch(passwordArgument::equalsIgnoreCase)) {
                throw new InvalidInputException("--password-arg: parameter '" + passwordArgument
                        + "' is also given with --powershell-arg");
            }
            arguments.put(passwordArgument, password);
        }
        PowerShellCommand.Builder builder = PowerShellCommand.builder()
                .script(script)
                .arguments(arguments)
                .errorActionStop(errorActionStop);
        if (powershellEdition != null) {
            builder.edition(PowerShellEdition.parse(powershellEdition, "--powershell-edition"));
        }
        try {
            return OptionNames.translate(() -> builder.build().toCommandSpec());
        } catch (InvalidInputException e) {
            // the engine checks the --password-arg name with the --powershell-arg names; name the option typed
            String powershellArg = "--powershell-arg";
            if (passwordArgument != null
                    && e.getMessage().startsWith(powershellArg + ": invalid value '" + passwordArgument + "'")) {
                throw new InvalidInputException("--password-arg" + e.getMessage().substring(powershellArg.length()));
            }
            throw e;
        }
    }

    /** Script files as PowerShell users save them: UTF-8 (with or without BOM) or UTF-16 with BOM. */
    private String scriptFile() {
        InputFiles.requireReadable(powershellFile, "--powershell-file");
        try {
            return ScriptFileText.read(powershellFile);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--powershell-file: " + e.getMessage());
        }
    }

    /** A secret named by an environment variable's name (the secret itself never comes from argv). */
    private String secretFromEnv(String variable, String option, String what, String example) {
        if (variable.isBlank()) {
            throw InvalidInputException.forOption(option, variable, "the name of an environment variable");
        }
        String value = environment.env().get(variable);
        if (value == null) {
            if (environment.env().containsValue(variable)) {
                // --password-env "$PW" instead of --password-env PW: quoting the "name" would print the password
                throw new InvalidInputException(option + ": give the NAME of the environment variable holding "
                        + "the " + what + ", not its value (e.g. " + option + " " + example + "); the value is not shown");
            }
            throw new InvalidInputException(option + ": environment variable " + variable + " is not set");
        }
        if (value.isEmpty()) {
            throw new InvalidInputException(option + ": environment variable " + variable + " is empty");
        }
        return value;
    }

    private TlsSettings tlsSettings() {
        if (caFile != null && insecure) {
            throw new InvalidInputException("give --ca-file or --insecure, not both: --insecure turns off the "
                    + "verification --ca-file configures");
        }
        if ((caFile != null || insecure) && !https) {
            throw new InvalidInputException((insecure ? "--insecure" : "--ca-file")
                    + " applies only to HTTPS: add --https");
        }
        if (caFile != null) {
            InputFiles.requireReadable(caFile, "--ca-file");
            return new TlsSettings(caFile, false);
        }
        return insecure ? new TlsSettings(null, true) : TlsSettings.verifying();
    }

    private AuthSettings authSettings() {
        if (kerberosTicketCache != null) {
            InputFiles.requireReadable(kerberosTicketCache, "--kerberos-ticket-cache");
        }
        if (keytab != null) {
            InputFiles.requireReadable(keytab, "--keytab");
        }
        return OptionNames.translate(() -> AuthSettings.fromOptions(auth, spnService, spnWithPort, spnCanonicalName,
                kerberosTicketCache, keytab, allowUnencrypted));
    }

    private RunOptions runOptions(TlsSettings tls, AuthSettings authSettings) {
        RunOptions.Builder builder = RunOptions.builder().https(https).port(port).tls(tls).auth(authSettings)
                .labels(OptionNames.labels());
        if (authFailureLimit != null) {
            builder.authFailureLimit(authFailureLimit);
        }
        ssh.applyTo(builder);
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
        if (failFast && maxFailures != null) {
            throw new InvalidInputException("give --fail-fast or --max-failures, not both: --fail-fast is "
                    + "--max-failures 0");
        }
        builder.rollout(OptionNames.translate(() -> RolloutPolicy.of(waves, maxFailures, failFast)));
        return OptionNames.translate(builder::build);
    }

    private RetentionPolicy retention() {
        Duration maxAge = keepReportsFor == null ? null : DurationParser.parse(keepReportsFor, "--keep-reports-for");
        return OptionNames.translate(() -> new RetentionPolicy(keepReports, maxAge));
    }

    private RetryPolicy retryPolicy() {
        RetryPolicy.Builder builder = RetryPolicy.builder();
        if (retries != null) {
            OptionNames.translate(() -> builder.retries(retries));
        }
        Duration first = retryDelay != null ? DurationParser.parse(retryDelay, "--retry-delay")
                : RetryPolicy.DEFAULT_INITIAL_DELAY;
        builder.initialDelay(first);
        if (retryBackoff != null) {
            builder.multiplier(retryBackoff);
        }
        if (maxRetryDelay != null) {
            Duration cap = DurationParser.parse(maxRetryDelay, "--max-retry-delay");
            if (cap.compareTo(first) < 0) {
                // said here, in the units the user typed; the engine would name its own fields
                throw new InvalidInputException("--max-retry-delay: invalid value '" + maxRetryDelay
                        + "': must not be shorter than --retry-delay (" + (retryDelay != null ? retryDelay
                        : first.toSeconds() + "s, its default") + ")");
            }
            builder.maxDelay(cap);
        }
        builder.retryOnNonZeroExit(retryOnNonZeroExit).retryAfterCommandStarted(retryAfterCommandStarted);
        return OptionNames.translate(builder::build);
    }

    /** The hosts to run on; empty only for a {@code --rerun-failed} of a run where all succeeded. */
    private TargetList targets() {
        if (rerunFailed != null) {
            if (hostsFile != null || !hosts.isEmpty()) {
                throw new InvalidInputException("--rerun-failed selects the hosts itself: do not combine it with "
                        + "--hosts-file or --host");
            }
            try {
                return new TargetList(ResultsJsonReader.targetsToRerun(rerunFailed), List.of());
            } catch (InvalidResultsFileException e) {
                throw new InvalidInputException("--rerun-failed: " + e.getMessage());
            }
        }
        if (hostsFile == null && hosts.isEmpty()) {
            throw new InvalidInputException(
                    "no hosts: give --hosts-file FILE, --host HOST or --rerun-failed RESULTS_JSON");
        }
        TargetList fromFile = hostsFile == null ? null
                : TargetParser.parseLines(InputFiles.readLines(hostsFile, "--hosts-file"), hostsFile.toString());
        TargetList fromOptions = hosts.isEmpty() ? null : TargetParser.parseLines(hosts, "--host");
        if (fromFile == null) {
            return fromOptions;
        }
        return fromOptions == null ? fromFile : fromFile.plus(fromOptions);
    }

    /** What results.json records as the run's options: effective values, the password variable's name only. */
    private Map<String, Object> effectiveOptions(RunRequest request) {
        RunOptions options = request.options();
        Map<String, Object> effective = new LinkedHashMap<>();
        effective.put("command", request.command().description());
        if (command == null) {
            effective.put("powershellEdition", powershellEdition == null ? "powershell" : powershellEdition);
            effective.put("powershellArguments", List.copyOf(powershellArguments.keySet()));
            effective.put("errorActionStop", errorActionStop);
        }
        effective.put("user", request.user());
        effective.put("passwordEnv", passwordEnv);
        ssh.describe(request, effective);
        effective.put("auth", options.auth().methodFor(request.user()).optionValue());
        effective.put("kerberosTicketCache", kerberosTicketCache);
        effective.put("keytab", keytab);
        effective.put("spnService", options.auth().kerberos().spnService().name());
        effective.put("spnWithPort", spnWithPort);
        effective.put("spnCanonicalName", spnCanonicalName);
        effective.put("allowUnencrypted", allowUnencrypted);
        effective.put("hostsFile", hostsFile);
        effective.put("rerunFailed", rerunFailed);
        effective.put("hosts", request.targets().size());
        effective.put("https", options.https());
        effective.put("port", options.port() != null ? options.port()
                : options.transport() == Transport.SSH ? Transport.SSH_PORT
                : options.https() ? RunOptions.HTTPS_PORT : RunOptions.HTTP_PORT);
        effective.put("tls", !options.https() ? "n/a" : options.tls().insecure() ? "INSECURE (not verified)"
                : options.tls().trustedCaPem() != null ? "verify, CA " + options.tls().trustedCaPem() : "verify");
        effective.put("throttle", options.throttle());
        effective.put("retries", options.retryPolicy().retries());
        effective.put("retryDelay", options.retryPolicy().initialDelay());
        effective.put("retryBackoff", options.retryPolicy().multiplier());
        effective.put("maxRetryDelay", options.retryPolicy().maxDelay());
        effective.put("retryOnNonZeroExit", options.retryPolicy().retryOnNonZeroExit());
        effective.put("retryAfterCommandStarted", options.retryPolicy().retryAfterCommandStarted());
        effective.put("connectTimeout", options.connectTimeout());
        effective.put("operationTimeout", options.operationTimeout());
        effective.put("commandTimeout", options.commandTimeout());
        effective.put("timeout", options.overallTimeout());
        effective.put("codepage", request.command().codepage());
        RolloutPolicy rollout = options.rollout();
        effective.put("waves", rollout.waves().isEmpty() ? null : rollout.wavesText());
        effective.put("maxFailures", rollout.maxFailures() == null ? null : rollout.maxFailures().toString());
        effective.put("failFast", failFast);
        effective.put("authFailureLimit", options.authFailureLimit());
        return effective;
    }
}
