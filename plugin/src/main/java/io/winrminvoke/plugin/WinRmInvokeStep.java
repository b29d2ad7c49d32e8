package io.winrminvoke.plugin;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.options.DurationParser;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.rollout.RolloutPolicy;
import io.winrminvoke.engine.targets.TargetParser;
import io.winrminvoke.engine.targets.Transport;
import io.winrminvoke.engine.winrm.AuthMethod;
import io.winrminvoke.engine.winrm.SpnService;
import io.winrminvoke.invocation.AccessSettings;
import io.winrminvoke.invocation.CredentialScope;
import io.winrminvoke.invocation.ReturnedOutput;
import io.winrminvoke.invocation.RolloutSettings;
import io.winrminvoke.invocation.UnknownOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.core.Authentication;

/**
 * {@code winrmInvoke}: runs one command or PowerShell script on many Windows hosts over WinRM
 * from the current {@code node}, publishes the per-host results and returns them to the script.
 * Also the configuration object of the freestyle {@link WinRmInvokeBuilder}. Every option is a
 * plain value handed to the engine, which validates and applies it.
 */
public class WinRmInvokeStep extends Step {

    private final String credentialsId;
    private String hosts;
    private String hostsFile;
    private String command;
    private String powershell;
    private String arguments;
    private String passwordArgument;
    private boolean pwsh;
    private boolean errorActionStop = true;
    private boolean https;
    private Integer port;
    private String caCertificate;
    private boolean skipCertificateCheck;
    private Integer throttle;
    private Integer retries;
    private String retryDelay;
    private Double retryBackoff;
    private String maxRetryDelay;
    private boolean retryOnNonZeroExit;
    private String connectTimeout;
    private String operationTimeout;
    private String commandTimeout;
    private String timeout;
    /** Null: each call writes to its own directory under winrm-invoke-report (ReportDirectory). */
    private String reportDir;
    private String onFailure = "fail";
    private Integer toleratedFailures;
    private Integer toleratedFailurePercent;
    private boolean archive = true;
    private boolean junit = true;
    // How hosts are reached and logged in to (docs/auth.md, docs/ssh.md) and how a run rolls out
    // (docs/rollout.md): plain values, parsed and validated by the engine.
    private String auth;
    private String spnService;
    private boolean spnPort;
    private boolean spnCanonicalName;
    private String keytabCredentialsId;
    private boolean allowUnencrypted;
    private String transport;
    private String knownHosts;
    private boolean acceptUnknownHostKey;
    /** Null: the engine's default (1); 0 turns the lock-out protection off. */
    private Integer authFailureLimit;
    private String waves;
    private String maxFailures;
    private boolean failFast;
    private boolean dryRun;
    private boolean returnOutput = true;
    private Integer outputLimit;

    @DataBoundConstructor
    public WinRmInvokeStep(String credentialsId) {
        this.credentialsId = credentialsId;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new WinRmInvokeStepExecution(this, context);
    }

    InvocationSettings settings() {
        return new InvocationSettings(hosts, hostsFile, command, powershell, arguments, passwordArgument, pwsh, errorActionStop, https, port,
                caCertificate, skipCertificateCheck, throttle, retries, retryDelay, retryBackoff, maxRetryDelay,
                retryOnNonZeroExit, connectTimeout, operationTimeout, commandTimeout, timeout, reportDir, onFailure,
                toleratedFailures, toleratedFailurePercent);
    }

    AccessSettings accessSettings() {
        return new AccessSettings(auth, spnService, spnPort, spnCanonicalName, keytabCredentialsId, allowUnencrypted,
                transport, knownHosts, acceptUnknownHostKey, authFailureLimit);
    }

    RolloutSettings rolloutSettings() {
        return new RolloutSettings(waves, maxFailures, failFast, dryRun);
    }

    /**
     * The call, or the build failed with one line (an {@link AbortException}) when an option only
     * the whole step can judge is wrong, such as an {@code outputLimit} out of range: a runtime
     * exception here would end the build with a stack trace instead.
     */
    FleetInvocation invocation() throws AbortException {
        try {
            return new FleetInvocation(settings(), accessSettings(), rolloutSettings(), credentialsId, archive, junit,
                    ReturnedOutput.of(returnOutput, outputLimit));
        } catch (InvalidInputException | IllegalArgumentException e) {
            throw new AbortException("winrmInvoke: " + e.getMessage());
        }
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getHosts() {
        return hosts;
    }

    /** Newline-separated {@code host}, {@code host:port}, {@code [v6]:port}; Pipeline may also pass a list (see the descriptor). */
    @DataBoundSetter
    public void setHosts(String hosts) {
        this.hosts = emptyToNull(unixLineEnds(hosts));
    }

    public String getHostsFile() {
        return hostsFile;
    }

    @DataBoundSetter
    public void setHostsFile(String hostsFile) {
        this.hostsFile = emptyToNull(hostsFile);
    }

    public String getCommand() {
        return command;
    }

    @DataBoundSetter
    public void setCommand(String command) {
        this.command = emptyToNull(command);
    }

    public String getPowershell() {
        return powershell;
    }

    @DataBoundSetter
    public void setPowershell(String powershell) {
        this.powershell = emptyToNull(unixLineEnds(powershell));
    }

    public String getArguments() {
        return arguments;
    }

    /** {@code name=value} per line, bound to the script's parameters; Pipeline may also pass a map (see the descriptor). */
    @DataBoundSetter
    public void setArguments(String arguments) {
        this.arguments = emptyToNull(unixLineEnds(arguments));
    }

    public String getPasswordArgument() {
        return passwordArgument;
    }

    /** Name of a script parameter that receives the credential's password (masked like it everywhere). */
    @DataBoundSetter
    public void setPasswordArgument(String passwordArgument) {
        this.passwordArgument = emptyToNull(passwordArgument);
    }

    public boolean isPwsh() {
        return pwsh;
    }

    @DataBoundSetter
    public void setPwsh(boolean pwsh) {
        this.pwsh = pwsh;
    }

    public boolean isErrorActionStop() {
        return errorActionStop;
    }

    /** PowerShell errors end the script with exit code 1 (engine default); off for scripts that check {@code $LASTEXITCODE} themselves. */
    @DataBoundSetter
    public void setErrorActionStop(boolean errorActionStop) {
        this.errorActionStop = errorActionStop;
    }

    public boolean isHttps() {
        return https;
    }

    @DataBoundSetter
    public void setHttps(boolean https) {
        this.https = https;
    }

    public Integer getPort() {
        return port;
    }

    @DataBoundSetter
    public void setPort(Integer port) {
        this.port = port;
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    /** Workspace path of a PEM file with the CA that signed the hosts' certificates. */
    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        this.caCertificate = emptyToNull(caCertificate);
    }

    public boolean isSkipCertificateCheck() {
        return skipCertificateCheck;
    }

    @DataBoundSetter
    public void setSkipCertificateCheck(boolean skipCertificateCheck) {
        this.skipCertificateCheck = skipCertificateCheck;
    }

    public Integer getThrottle() {
        return throttle;
    }

    @DataBoundSetter
    public void setThrottle(Integer throttle) {
        this.throttle = throttle;
    }

    public Integer getRetries() {
        return retries;
    }

    @DataBoundSetter
    public void setRetries(Integer retries) {
        this.retries = retries;
    }

    public String getRetryDelay() {
        return retryDelay;
    }

    @DataBoundSetter
    public void setRetryDelay(String retryDelay) {
        this.retryDelay = emptyToNull(retryDelay);
    }

    public Double getRetryBackoff() {
        return retryBackoff;
    }

    @DataBoundSetter
    public void setRetryBackoff(Double retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public String getMaxRetryDelay() {
        return maxRetryDelay;
    }

    @DataBoundSetter
    public void setMaxRetryDelay(String maxRetryDelay) {
        this.maxRetryDelay = emptyToNull(maxRetryDelay);
    }

    public boolean isRetryOnNonZeroExit() {
        return retryOnNonZeroExit;
    }

    @DataBoundSetter
    public void setRetryOnNonZeroExit(boolean retryOnNonZeroExit) {
        this.retryOnNonZeroExit = retryOnNonZeroExit;
    }

    public String getConnectTimeout() {
        return connectTimeout;
    }

    @DataBoundSetter
    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = emptyToNull(connectTimeout);
    }

    public String getOperationTimeout() {
        return operationTimeout;
    }

    @DataBoundSetter
    public void setOperationTimeout(String operationTimeout) {
        this.operationTimeout = emptyToNull(operationTimeout);
    }

    public String getCommandTimeout() {
        return commandTimeout;
    }

    @DataBoundSetter
    public void setCommandTimeout(String commandTimeout) {
        this.commandTimeout = emptyToNull(commandTimeout);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = emptyToNull(timeout);
    }

    public String getReportDir() {
        return reportDir;
    }

    @DataBoundSetter
    public void setReportDir(String reportDir) {
        this.reportDir = InvocationSettings.isBlank(reportDir) ? null : reportDir.trim();
    }

    public String getOnFailure() {
        return onFailure;
    }

    /** {@code fail} (default) or {@code unstable}: what happens when more hosts failed than tolerated. */
    @DataBoundSetter
    public void setOnFailure(String onFailure) {
        this.onFailure = InvocationSettings.isBlank(onFailure) ? "fail" : onFailure.trim();
    }

    public Integer getToleratedFailures() {
        return toleratedFailures;
    }

    @DataBoundSetter
    public void setToleratedFailures(Integer toleratedFailures) {
        this.toleratedFailures = toleratedFailures;
    }

    public Integer getToleratedFailurePercent() {
        return toleratedFailurePercent;
    }

    @DataBoundSetter
    public void setToleratedFailurePercent(Integer toleratedFailurePercent) {
        this.toleratedFailurePercent = toleratedFailurePercent;
    }

    public boolean isArchive() {
        return archive;
    }

    @DataBoundSetter
    public void setArchive(boolean archive) {
        this.archive = archive;
    }

    public boolean isJunit() {
        return junit;
    }

    @DataBoundSetter
    public void setJunit(boolean junit) {
        this.junit = junit;
    }

    // Accessors of the auth, SSH and rollout options.

    public String getAuth() {
        return auth;
    }

    /** {@code basic}, {@code ntlm}, {@code kerberos} or {@code negotiate}; empty = chosen from the user name's form. */
    @DataBoundSetter
    public void setAuth(String auth) {
        this.auth = emptyToNull(auth);
    }

    public String getSpnService() {
        return spnService;
    }

    @DataBoundSetter
    public void setSpnService(String spnService) {
        this.spnService = emptyToNull(spnService);
    }

    public boolean isSpnPort() {
        return spnPort;
    }

    @DataBoundSetter
    public void setSpnPort(boolean spnPort) {
        this.spnPort = spnPort;
    }

    public boolean isSpnCanonicalName() {
        return spnCanonicalName;
    }

    @DataBoundSetter
    public void setSpnCanonicalName(boolean spnCanonicalName) {
        this.spnCanonicalName = spnCanonicalName;
    }

    public String getKeytabCredentialsId() {
        return keytabCredentialsId;
    }

    /** A secret file credential holding a Kerberos keytab for the user of {@code credentialsId}. */
    @DataBoundSetter
    public void setKeytabCredentialsId(String keytabCredentialsId) {
        this.keytabCredentialsId = emptyToNull(keytabCredentialsId);
    }

    public boolean isAllowUnencrypted() {
        return allowUnencrypted;
    }

    @DataBoundSetter
    public void setAllowUnencrypted(boolean allowUnencrypted) {
        this.allowUnencrypted = allowUnencrypted;
    }

    public String getTransport() {
        return transport;
    }

    /** {@code winrm} (default) or {@code ssh}, for hosts listed without a scheme. */
    @DataBoundSetter
    public void setTransport(String transport) {
        this.transport = emptyToNull(transport);
    }

    public String getKnownHosts() {
        return knownHosts;
    }

    @DataBoundSetter
    public void setKnownHosts(String knownHosts) {
        this.knownHosts = emptyToNull(knownHosts);
    }

    public boolean isAcceptUnknownHostKey() {
        return acceptUnknownHostKey;
    }

    @DataBoundSetter
    public void setAcceptUnknownHostKey(boolean acceptUnknownHostKey) {
        this.acceptUnknownHostKey = acceptUnknownHostKey;
    }

    public Integer getAuthFailureLimit() {
        return authFailureLimit;
    }

    /** Hosts that may refuse the credentials before no further host is tried with them (docs/engine.md, Lock-out protection). */
    @DataBoundSetter
    public void setAuthFailureLimit(Integer authFailureLimit) {
        this.authFailureLimit = authFailureLimit;
    }

    public String getWaves() {
        return waves;
    }

    /** Wave sizes, {@code 1,10%,100%}; Pipeline may also pass a list (see the descriptor). */
    @DataBoundSetter
    public void setWaves(String waves) {
        this.waves = emptyToNull(waves);
    }

    public String getMaxFailures() {
        return maxFailures;
    }

    @DataBoundSetter
    public void setMaxFailures(String maxFailures) {
        this.maxFailures = emptyToNull(maxFailures);
    }

    public boolean isFailFast() {
        return failFast;
    }

    @DataBoundSetter
    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isReturnOutput() {
        return returnOutput;
    }

    /** Return each host's stdout/stderr to the script (bounded by {@link #setOutputLimit}); off keeps program.dat small. */
    @DataBoundSetter
    public void setReturnOutput(boolean returnOutput) {
        this.returnOutput = returnOutput;
    }

    public Integer getOutputLimit() {
        return outputLimit;
    }

    /** Characters of each stream returned per host (0 to 16384, default 4096); the transcript keeps the rest. */
    @DataBoundSetter
    public void setOutputLimit(Integer outputLimit) {
        this.outputLimit = outputLimit;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Browsers submit textarea lines with CRLF; keep one form so a saved configuration round-trips unchanged. */
    private static String unixLineEnds(String s) {
        return s == null ? null : s.replace("\r\n", "\n");
    }

    @Extension
    @Symbol("winrmInvoke")
    public static final class DescriptorImpl extends StepDescriptor implements CustomDescribableModel {

        @Override
        public String getFunctionName() {
            return "winrmInvoke";
        }

        @Override
        public String getDisplayName() {
            return Messages.WinRmInvokeStep_DisplayName();
        }

        /** A {@code node} is required: the fan-out runs on that agent, in its workspace. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, FlowNode.class);
        }

        /**
         * Accepts the Pipeline-friendly shapes {@code hosts: ['a', 'b']}, {@code arguments: [name: value]},
         * {@code waves: [1, '10%', '100%']} and {@code maxFailures: 0} next to the text forms the
         * configuration page uses, and fails on a misspelled option. Called by structs'
         * {@code DescribableModel#instantiate}, which Pipeline uses because {@code newInstance} is not
         * overridden (workflow-cps {@code DSL}); structs itself would only print a warning for an
         * unknown option in production.
         */
        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            UnknownOptions.check(WinRmInvokeStep.class.getName(), arguments.keySet(), optionNames());
            Map<String, Object> args = new LinkedHashMap<>(arguments);
            if (args.get("hosts") instanceof List<?> list) {
                args.put("hosts", list.stream().map(String::valueOf).collect(Collectors.joining("\n")));
            }
            if (args.get("arguments") instanceof Map<?, ?> map) {
                args.put("arguments", argumentLines(map));
            }
            if (args.get("waves") instanceof List<?> list) {
                // [1, '10%', '100%']: the engine checks each entry is one size, then gives the text form
                args.put("waves", RolloutPolicy.ofList(list, null, false).wavesText());
            }
            if (args.get("maxFailures") instanceof Number budget) {
                args.put("maxFailures", budget.toString()); // maxFailures: 0, next to maxFailures: '5%'
            }
            return args;
        }

        /** The step's options as structs sees them: the data-bound constructor and setters. */
        static Set<String> optionNames() {
            Set<String> names = new LinkedHashSet<>();
            DescribableModel.of(WinRmInvokeStep.class).getParameters().forEach(p -> names.add(p.getName()));
            return names;
        }

        /**
         * The map form of {@code arguments} as the text form's {@code name=value} lines. What one
         * such line cannot carry is refused rather than split into other arguments: a line break
         * in a value ({@code [A: "x\nB=y"]} would set {@code B}), a name with {@code =} or a line
         * break, and a null value (an unset {@code env} variable would arrive as the text "null").
         * Messages name the parameter, never the value.
         */
        static String argumentLines(Map<?, ?> map) {
            List<String> lines = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String name = String.valueOf(e.getKey());
                if (name.isBlank() || name.indexOf('=') >= 0 || hasLineBreak(name)) {
                    throw new IllegalArgumentException("arguments: invalid parameter name '" + name.strip()
                            + "': a name may not be blank or contain '=' or a line break");
                }
                if (e.getValue() == null) {
                    throw new IllegalArgumentException("arguments: the value of '" + name + "' is null");
                }
                String value = String.valueOf(e.getValue());
                if (hasLineBreak(value)) {
                    throw new IllegalArgumentException("arguments: the value of '" + name + "' contains a line"
                            + " break; script arguments are single-line values");
                }
                lines.add(name + "=" + value);
            }
            return String.join("\n", lines);
        }

        private static boolean hasLineBreak(String s) {
            return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        }

        /**
         * Lists credentials only to users who may configure the job or use its credentials
         * (credentials consumer guide), and only those whose domain covers every host typed in
         * {@code hosts} (the form refills when the hosts change: Stapler's fillDependsOn comes from
         * these parameters).
         */
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId,
                                                     @QueryParameter String hosts, @QueryParameter boolean https,
                                                     @QueryParameter String port, @QueryParameter String transport) {
            StandardListBoxModel result = new StandardListBoxModel();
            if (!mayListCredentials(item)) {
                return result.includeCurrentValue(credentialsId);
            }
            result.includeEmptyValue();
            result.addAll(offeredForEveryHost(StandardUsernameCredentials.class, item,
                    formHostUris(hosts, https, port, transport), LOGIN_CREDENTIALS));
            return result.includeCurrentValue(credentialsId);
        }

        /**
         * The credentials of {@code type} whose domain admits every one of {@code uris} (all of them
         * when there are none): one listing per host, kept where every listing has the id.
         */
        private static <C extends IdCredentials> ListBoxModel offeredForEveryHost(
                Class<C> type, Item item, List<String> uris, CredentialsMatcher matcher) {
            Authentication as = authenticationOf(item);
            List<List<DomainRequirement>> scopes = CredentialsLookup.domainRequirements(uris);
            if (scopes.isEmpty()) {
                scopes = List.of(List.of());
            }
            ListBoxModel offered = CredentialsProvider.listCredentialsInItem(type, item, as, scopes.get(0), matcher);
            for (List<DomainRequirement> scope : scopes.subList(1, scopes.size())) {
                Set<String> ids = new LinkedHashSet<>();
                CredentialsProvider.listCredentialsInItem(type, item, as, scope, matcher).forEach(o -> ids.add(o.value));
                offered.removeIf(o -> !ids.contains(o.value));
            }
            return offered;
        }

        /** The URIs of the hosts typed in the form; none when the text does not parse yet (then nothing is filtered). */
        private static List<String> formHostUris(String hosts, boolean https, String port, String transport) {
            if (InvocationSettings.isBlank(hosts)) {
                return List.of();
            }
            try {
                RunOptions.Builder builder = RunOptions.builder().https(https)
                        .port(InvocationSettings.isBlank(port) ? null : Integer.valueOf(port.trim()));
                if (!InvocationSettings.isBlank(transport)) {
                    builder.transport(Transport.parse(transport, "transport"));
                }
                RunOptions options = builder.build();
                return CredentialScope.uris(TargetParser.parseLines(hosts.lines().toList(), "hosts").targets(), options);
            } catch (RuntimeException e) {
                return List.of();
            }
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            if (!mayListCredentials(item)) {
                return FormValidation.ok();
            }
            if (value == null || value.isBlank()) {
                return FormValidation.error(Messages.WinRmInvokeStep_CredentialsRequired());
            }
            if (value.startsWith("${") && value.endsWith("}")) {
                return FormValidation.warning(Messages.WinRmInvokeStep_CredentialsExpression());
            }
            if (CredentialsProvider.listCredentialsInItem(StandardUsernameCredentials.class, item,
                    authenticationOf(item), List.of(),
                    CredentialsMatchers.allOf(LOGIN_CREDENTIALS, CredentialsMatchers.withId(value))).isEmpty()) {
                return FormValidation.error(Messages.WinRmInvokeStep_CredentialsNotFound(value));
            }
            return FormValidation.ok();
        }

        // Auth, SSH and rollout fields (docs/auth.md, docs/ssh.md, docs/rollout.md).

        /**
         * Secret file credentials (a Kerberos keytab), listed under the same permission rule as the
         * login credentials, and only those whose domain admits every WinRM host typed in
         * {@code hosts} (the keytab logs in to those; SSH hosts use {@code credentialsId}).
         */
        public ListBoxModel doFillKeytabCredentialsIdItems(@AncestorInPath Item item,
                                                           @QueryParameter String keytabCredentialsId,
                                                           @QueryParameter String hosts, @QueryParameter boolean https,
                                                           @QueryParameter String port, @QueryParameter String transport) {
            StandardListBoxModel result = new StandardListBoxModel();
            if (!mayListCredentials(item)) {
                return result.includeCurrentValue(keytabCredentialsId);
            }
            result.includeEmptyValue();
            result.addAll(offeredForEveryHost(FileCredentials.class, item,
                    CredentialsLookup.winrmUris(formHostUris(hosts, https, port, transport)), CredentialsMatchers.always()));
            return result.includeCurrentValue(keytabCredentialsId);
        }

        public ListBoxModel doFillAuthItems() {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.WinRmInvokeStep_AuthDefault(), "");
            for (AuthMethod method : AuthMethod.values()) {
                items.add(method.optionValue(), method.optionValue());
            }
            return items;
        }

        public ListBoxModel doFillSpnServiceItems() {
            ListBoxModel items = new ListBoxModel();
            for (SpnService service : SpnService.values()) {
                items.add(service.name(), service == SpnService.HTTP ? "" : service.name());
            }
            return items;
        }

        public ListBoxModel doFillTransportItems() {
            ListBoxModel items = new ListBoxModel();
            for (Transport t : Transport.values()) {
                items.add(t.scheme(), t == Transport.WINRM ? "" : t.scheme());
            }
            return items;
        }

        @POST
        public FormValidation doCheckWaves(@AncestorInPath Item item, @QueryParameter String value) {
            return checkRollout(item, () -> RolloutPolicy.of(value, null, false));
        }

        @POST
        public FormValidation doCheckMaxFailures(@AncestorInPath Item item, @QueryParameter String value) {
            return checkRollout(item, () -> RolloutPolicy.of(null, value, false));
        }

        private static FormValidation checkRollout(Item item, Runnable parse) {
            if (!mayConfigure(item)) {
                return FormValidation.ok();
            }
            try {
                parse.run();
                return FormValidation.ok();
            } catch (InvalidInputException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        public ListBoxModel doFillOnFailureItems() {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.WinRmInvokeStep_OnFailureFail(), "fail");
            items.add(Messages.WinRmInvokeStep_OnFailureUnstable(), "unstable");
            return items;
        }

        // Duration fields are checked by the engine's one parser, so the form accepts exactly what a run does.
        // Form validation is POSTed by default since Jenkins 2.285; @POST refuses cross-site GETs as well.

        @POST
        public FormValidation doCheckConnectTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return checkDuration(item, value, "connectTimeout");
        }

        @POST
        public FormValidation doCheckOperationTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return checkDuration(item, value, "operationTimeout");
        }

        @POST
        public FormValidation doCheckCommandTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return checkDuration(item, value, "commandTimeout");
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return checkDuration(item, value, "timeout");
        }

        @POST
        public FormValidation doCheckRetryDelay(@AncestorInPath Item item, @QueryParameter String value) {
            return checkDuration(item, value, "retryDelay");
        }

        @POST
        public FormValidation doCheckOutputLimit(@AncestorInPath Item item, @QueryParameter String value) {
            if (!mayConfigure(item) || value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            try {
                ReturnedOutput.of(true, Integer.valueOf(value.trim()));
                return FormValidation.ok();
            } catch (NumberFormatException e) {
                return FormValidation.error(Messages.WinRmInvokeStep_NotANumber(value));
            } catch (InvalidInputException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckMaxRetryDelay(@AncestorInPath Item item, @QueryParameter String value) {
            return checkDuration(item, value, "maxRetryDelay");
        }

        private static FormValidation checkDuration(Item item, String value, String option) {
            if (!mayConfigure(item) || value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            try {
                DurationParser.parse(value.trim(), option);
                return FormValidation.ok();
            } catch (InvalidInputException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /** What logs in to the hosts: a username with password, or an SSH username with private key. */
        private static final CredentialsMatcher LOGIN_CREDENTIALS = CredentialsMatchers.anyOf(
                CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                CredentialsMatchers.instanceOf(SSHUserPrivateKey.class));

        /**
         * Form checks answer only users who may configure the job (or, outside a job, administer
         * Jenkins); anyone else gets no verdict. The Snippet Generator sits under the job.
         */
        private static boolean mayConfigure(Item item) {
            return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
        }

        private static boolean mayListCredentials(Item item) {
            if (item == null) {
                return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
            }
            return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
        }

        /** The authentication the job's builds will run as: the credentials they will be able to resolve. */
        private static Authentication authenticationOf(Item item) {
            return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        }
    }
}
