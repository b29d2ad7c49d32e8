package io.winrminvoke.plugin;

import com.cloudbees.plugins.credentials.CredentialsParameterValue;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.ParametersAction;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.invocation.EnvironmentExpansion;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle build step: the same options as {@code winrmInvoke}, configured through the
 * step's own form (nested with {@code f:property}), so both share one option set, one
 * validation and one execution path. The returned per-host values are not used in freestyle;
 * the build sees the archived reports, the test results and the summary.
 */
public class WinRmInvokeBuilder extends Builder implements SimpleBuildStep {

    private final WinRmInvokeStep invocation;

    @DataBoundConstructor
    public WinRmInvokeBuilder(WinRmInvokeStep invocation) {
        this.invocation = invocation;
    }

    public WinRmInvokeStep getInvocation() {
        return invocation;
    }

    /**
     * The overload core calls; the four-argument form without {@code EnvVars} is deprecated in
     * {@link SimpleBuildStep}. The build's variables ({@code $HOSTS}, {@code ${VERSION}}) are
     * expanded in every text option except the PowerShell script ({@link EnvironmentExpansion}).
     */
    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        WinRmInvokeStep expanded;
        try {
            expanded = expand(invocation, env, credentialsParameters(run));
        } catch (InvalidInputException | IllegalArgumentException e) {
            // an unknown or unbindable option after expansion (structs), named by the message
            throw new AbortException("winrmInvoke: " + e.getMessage());
        }
        // numbered by the build's claims: freestyle steps run one after another, but the builder can also be
        // called through Pipeline's generic step in parallel branches, where counting the summaries so far
        // gave two branches the same number (and the second a report directory already taken)
        String callId = "build-step-" + ReportDirectoryClaimsAction.of(run).nextBuildStep();
        // the job names the run (its JUnit suite); a second build step of the job gets "<job>-2"
        expanded.invocation().perform(run, workspace, launcher, listener, callId, List.of(run.getParent().getName()),
                null, null);
    }

    /**
     * The step with the build's variables expanded, rebuilt through structs' model (uninstantiate,
     * expand the values, instantiate), so every option is covered, present and future.
     */
    static WinRmInvokeStep expand(WinRmInvokeStep step, EnvVars env, Predicate<String> isCredentialsParameter) {
        DescribableModel<WinRmInvokeStep> model = DescribableModel.of(WinRmInvokeStep.class);
        Map<String, Object> arguments = new LinkedHashMap<>(model.uninstantiate2(step).getArguments());
        return model.instantiate(EnvironmentExpansion.expand(arguments, env::expand, isCredentialsParameter),
                TaskListener.NULL);
    }

    /**
     * Whether the build has a credentials parameter of a name: {@code ${NAME}} in a credentials id
     * is then left for {@code CredentialsProvider.findCredentialById}, which resolves it with the
     * triggering user's own credentials where allowed (credentials 1502, CredentialsProvider.java:988).
     */
    private static Predicate<String> credentialsParameters(Run<?, ?> run) {
        ParametersAction parameters = run.getAction(ParametersAction.class);
        return name -> parameters != null && parameters.getParameter(name) instanceof CredentialsParameterValue;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.WinRmInvokeBuilder_DisplayName();
        }
    }
}
