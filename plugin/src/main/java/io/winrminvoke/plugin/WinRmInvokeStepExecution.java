package io.winrminvoke.plugin;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.junit.pipeline.JUnitResultsStepExecution;
import hudson.tasks.test.PipelineTestDetails;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code winrmInvoke} off the CPS thread. Aborting the build calls {@link #stop}, which
 * interrupts this thread; the interrupt reaches the agent through remoting and cancels the run
 * there. The base class would also end the step at once ({@code StepExecution#stop} fails the
 * context immediately), while the agent is still terminating commands and deleting shells, so the
 * first stop only interrupts and the step ends when the cancelled run has stopped
 * ({@link FleetInvocation}); a second stop ends it at once. Like every synchronous non-blocking
 * step, it does not survive a controller restart (it fails on resume rather than re-running
 * commands on hosts).
 */
final class WinRmInvokeStepExecution extends SynchronousNonBlockingStepExecution<List<Map<String, Object>>> {

    private static final long serialVersionUID = 1L;

    private final transient WinRmInvokeStep step;
    /** The thread in {@link #run()}, while it runs; guarded by this. */
    private transient Thread runner;
    /** Why the first stop came; the step fails with it once the run has stopped. */
    private transient volatile Throwable stopCause;

    WinRmInvokeStepExecution(WinRmInvokeStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected List<Map<String, Object>> run() throws Exception {
        synchronized (this) {
            runner = Thread.currentThread();
        }
        try {
            List<Map<String, Object>> results;
            try {
                results = perform();
            } catch (Exception e) {
                // after a stop, whatever the interrupt broke (the remote call, an archive) ends the step as stopped
                throw stopCause != null ? stopped(e) : e;
            }
            // a stop that came while the results were being published still ends the step as stopped
            if (stopCause != null) {
                throw stopped(null);
            }
            return results;
        } finally {
            synchronized (this) {
                runner = null;
                Thread.interrupted(); // a stop that came as the run ended must not reach the pool's next task
            }
        }
    }

    /** The first stop's cause (its result, ABORTED, and who aborted), with what the interrupt broke suppressed in it. */
    private Exception stopped(Exception broken) {
        Throwable cause = stopCause;
        Exception stopped = cause instanceof Exception e ? e : new InterruptedException(String.valueOf(cause));
        if (broken != null && broken != stopped) {
            stopped.addSuppressed(broken);
        }
        return stopped;
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        synchronized (this) {
            if (runner != null && stopCause == null) {
                stopCause = cause;
                runner.interrupt();
                return;
            }
        }
        super.stop(cause);
    }

    private List<Map<String, Object>> perform() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        FilePath workspace = context.get(FilePath.class);
        Launcher launcher = context.get(Launcher.class);
        TaskListener listener = context.get(TaskListener.class);
        FlowNode node = context.get(FlowNode.class);

        // the enclosing stages and parallel branches, as the junit step finds them, innermost first
        List<FlowNode> enclosing = JUnitResultsStepExecution.getEnclosingStagesAndParallels(node);
        List<String> names = JUnitResultsStepExecution.getEnclosingBlockNames(enclosing);
        List<String> place = new ArrayList<>(names);
        Collections.reverse(place); // outermost first names the run: Deploy-eu
        // the node id is unique in the build, so every call (and parallel branch) has its own report directory
        return step.invocation().perform(run, workspace, launcher, listener, "step-" + node.getId(), place,
                testDetails(node, enclosing, names),
                message -> node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message)));
    }

    /** Attributes the test results to the enclosing stages and parallel branches, as the {@code junit} step does. */
    private static PipelineTestDetails testDetails(FlowNode node, List<FlowNode> enclosing, List<String> names) {
        PipelineTestDetails details = new PipelineTestDetails();
        details.setNodeId(node.getId());
        details.setEnclosingBlocks(JUnitResultsStepExecution.getEnclosingBlockIds(enclosing));
        details.setEnclosingBlockNames(names);
        return details;
    }
}
