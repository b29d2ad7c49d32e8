package io.winrminvoke.plugin;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
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
     * {@link SimpleBuildStep}. The environment is not used: every option is a literal value.
     */
    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        invocation.invocation().perform(run, workspace, launcher, listener, null, null);
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
