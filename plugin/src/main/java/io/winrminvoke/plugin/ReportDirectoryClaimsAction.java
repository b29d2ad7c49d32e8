package io.winrminvoke.plugin;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import java.util.HashSet;
import java.util.Set;

/**
 * The report directories and run names the {@code winrmInvoke} calls of one build have taken, so
 * that no two calls (one after the other, or in {@code parallel} branches) share one. Plain JDK
 * sets: the action is saved with the build by XStream.
 */
public final class ReportDirectoryClaimsAction extends InvisibleAction {

    private static final Object LOCK = new Object();

    private final Set<String> claimed = new HashSet<>();
    /** Null in a build saved before run names existed; such a build is over. */
    private Set<String> runNames = new HashSet<>();
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

    Set<String> claimed() {
        return claimed;
    }

    /** The run names taken ({@code RunNames}), which name the calls' JUnit suites. */
    Set<String> runNames() {
        synchronized (LOCK) {
            if (runNames == null) {
                runNames = new HashSet<>();
            }
            return runNames;
        }
    }
}
