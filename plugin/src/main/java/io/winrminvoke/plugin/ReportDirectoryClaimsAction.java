package io.winrminvoke.plugin;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.winrminvoke.engine.report.ReportName;
import io.winrminvoke.invocation.ReportDirectoryClaims;
import io.winrminvoke.invocation.RunNames;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The report directories and run names the {@code winrmInvoke} calls of one build have taken, so
 * that no two calls (one after the other, or in {@code parallel} branches) share one. Plain JDK
 * sets: the action is saved with the build by XStream. A claim replaces a set with a new one
 * instead of adding to it, so a save that is writing the old set out while a {@code parallel}
 * branch claims never sees it change under its iteration.
 */
public final class ReportDirectoryClaimsAction extends InvisibleAction {

    private static final Object LOCK = new Object();

    /** Never changed once set: a claim sets a new one (see above). */
    private volatile Set<String> claimed = new HashSet<>();
    /** Null in a build saved before run names existed; such a build is over. Never changed once set. */
    private volatile Set<String> runNames = new HashSet<>();
    /** The build steps (freestyle, or the builder through Pipeline's generic {@code step}) numbered so far. */
    private int buildSteps;

    /** The build's claims, attached on first use; parallel branches get the same one. */
    static ReportDirectoryClaimsAction of(Run<?, ?> run) {
        synchronized (LOCK) {
            ReportDirectoryClaimsAction action = run.getAction(ReportDirectoryClaimsAction.class);
            if (action == null) {
                action = new ReportDirectoryClaimsAction();
                run.addAction(action);
            }
            return action;
        }
    }

    /**
     * The next build step's number, 1 for the first: taken under the lock, so two {@code parallel}
     * branches calling the builder through {@code step} never get the same one.
     */
    int nextBuildStep() {
        synchronized (LOCK) {
            return ++buildSteps;
        }
    }

    /**
     * Takes {@code directory} for a call of this build.
     *
     * @throws io.winrminvoke.engine.InvalidInputException if another call of the build writes there
     */
    void claimReportDirectory(String directory) {
        synchronized (LOCK) {
            Set<String> next = new HashSet<>(claimed);
            ReportDirectoryClaims.claim(next, directory);
            claimed = next;
        }
    }

    /** Takes a run name ({@link RunNames#claim}), which names the call's JUnit suite. */
    ReportName claimRunName(List<String> parts, String fallback) {
        synchronized (LOCK) {
            Set<String> next = runNames == null ? new HashSet<>() : new HashSet<>(runNames);
            ReportName name = RunNames.claim(next, parts, fallback);
            runNames = next;
            return name;
        }
    }

    /** The directories claimed so far: a set no later claim changes. */
    Set<String> claimedSoFar() {
        return claimed;
    }
}
