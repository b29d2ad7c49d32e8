package io.winrminvoke.plugin;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.options.DurationParser;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.powershell.PowerShellCommand;
import io.winrminvoke.engine.powershell.PowerShellEdition;
import io.winrminvoke.engine.result.FailurePolicy;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.winrm.TlsSettings;
import io.winrminvoke.invocation.AccessSettings;
import io.winrminvoke.invocation.RolloutSettings;
import io.winrminvoke.invocation.StepOptionLabels;
import java.io.File;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step's options as plain values, so they can travel to the agent and be turned into the
 * engine's option types there. Holds no secret (the password travels separately as a
 * {@code Secret}). Values are validated by the engine's own types and parsers; the only rules
 * here are which options go together and the text form of script arguments, which exist only in
 * the plugin's option set.
 */
record InvocationSettings(String hosts, String hostsFile, String command, String powershell, String arguments,
                          String passwordArgument,
                          boolean pwsh, boolean errorActionStop, boolean https, Integer port, String caCertificate,
                          boolean skipCertificateCheck, Integer throttle, Integer retries, String retryDelay,
                          Double retryBackoff, String maxRetryDelay, boolean retryOnNonZeroExit,
                          String connectTimeout, String operationTimeout, String commandTimeout, String timeout,
                          String reportDir, String onFailure, Integer toleratedFailures,
                          Integer toleratedFailurePercent) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks what can be checked without the workspace; a bad value contacts no host. */
    void validate() {
        if (isBlank(hosts) == isBlank(hostsFile)) {
            throw new InvalidInputException("exactly one of 'hosts' and 'hostsFile' is required, got "
                    + (isBlank(hosts) ? "neither" : "both"));
        }
        if (isBlank(command) == isBlank(powershell)) {
            throw new InvalidInputException("exactly one of 'command' and 'powershell' is required, got "
                    + (isBlank(command) ? "neither" : "both"));
        }
        if (!isBlank(arguments) && isBlank(powershell)) {
            throw new InvalidInputException("'arguments' applies to 'powershell' only; use it with a script");
        }
        if (!isBlank(passwordArgument) && isBlank(powershell)) {
            throw new InvalidInputException("'passwordArgument' applies to 'powershell' only; use it with a script");
        }
        failurePolicy();
    }

    FailurePolicy failurePolicy() {
        return FailurePolicy.of(onFailure, toleratedFailures, toleratedFailurePercent);
    }

    /** The host lines from {@link #hosts}; a hosts file is read by the caller from the workspace. */
    List<String> hostLines() {
        return hosts.lines().toList();
    }

    /** @param password the credential's password, passed to the script when {@link #passwordArgument} names a parameter */
    CommandSpec commandSpec(String password) {
        if (!isBlank(command)) {
            return CommandSpec.commandLine(command);
        }
        Map<String, String> arguments = argumentMap();
        if (!isBlank(passwordArgument)) {
            String name = passwordArgument.trim();
            if (arguments.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                throw new InvalidInputException("passwordArgument: parameter '" + name + "' is also given in 'arguments'");
            }
            arguments.put(name, password);
        }
        return PowerShellCommand.builder()
                .script(powershell)
                .arguments(arguments)
                .edition(pwsh ? PowerShellEdition.PWSH : PowerShellEdition.WINDOWS_POWERSHELL)
                .errorActionStop(errorActionStop)
                .build()
                .toCommandSpec();
    }

    /** {@code name=value} lines, in order; the Pipeline form {@code arguments: [name: value]} arrives joined the same way. */
    private Map<String, String> argumentMap() {
        Map<String, String> map = new LinkedHashMap<>();
        if (isBlank(arguments)) {
            return map;
        }
        for (String line : arguments.lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("arguments: expected 'name=value' per line, got '" + line + "'");
            }
            map.put(line.substring(0, eq).trim(), line.substring(eq + 1));
        }
        return map;
    }

    /**
     * Builds the engine's options; {@code workspace} resolves a CA certificate path. Unset values keep the engine's defaults.
     *
     * @param keytab the keytab written on the agent for this run, or null
     */
    RunOptions runOptions(File workspace, AccessSettings access, RolloutSettings rollout, Path keytab) {
        var retry = RetryPolicy.builder();
        if (retries != null) {
            retry.retries(retries);
        }
        if (!isBlank(retryDelay)) {
            retry.initialDelay(DurationParser.parse(retryDelay, "retryDelay"));
        }
        if (retryBackoff != null) {
            retry.multiplier(retryBackoff);
        }
        if (!isBlank(maxRetryDelay)) {
            retry.maxDelay(DurationParser.parse(maxRetryDelay, "maxRetryDelay"));
        }
        retry.retryOnNonZeroExit(retryOnNonZeroExit);

        var options = RunOptions.builder().https(https).port(port).retryPolicy(retry.build())
                .labels(StepOptionLabels.LABELS);
        if (!isBlank(caCertificate) || skipCertificateCheck) {
            options.tls(new TlsSettings(isBlank(caCertificate) ? null
                    : new File(workspace, caCertificate.trim()).toPath(), skipCertificateCheck));
        }
        if (throttle != null) {
            options.throttle(throttle);
        }
        if (!isBlank(connectTimeout)) {
            options.connectTimeout(DurationParser.parse(connectTimeout, "connectTimeout"));
        }
        if (!isBlank(operationTimeout)) {
            options.operationTimeout(DurationParser.parse(operationTimeout, "operationTimeout"));
        }
        if (!isBlank(commandTimeout)) {
            options.commandTimeout(DurationParser.parse(commandTimeout, "commandTimeout"));
        }
        if (!isBlank(timeout)) {
            options.overallTimeout(DurationParser.parse(timeout, "timeout"));
        }
        access.applyTo(options, workspace, keytab);
        options.rollout(rollout.policy());
        return options.build();
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
