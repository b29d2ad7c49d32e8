package io.winrminvoke.engine.result;

import io.winrminvoke.engine.InvalidInputException;
import java.util.Locale;

/**
 * Decides what a finished run means for whoever started it (a Jenkins build, a CI job): passed,
 * unstable or failed. A host that did not succeed counts as failed whatever its status
 * (failed, timed out, unreachable, cancelled, skipped...). Up to {@code toleratedFailures}
 * failed hosts, or up to {@code toleratedFailurePercent} percent of the hosts, still pass;
 * beyond that the run gets the {@code onFailure} verdict.
 *
 * <p>The two tolerances are exclusive: a tolerance is either a count or a share, and one
 * definition avoids having to explain how they combine.
 *
 * @param onFailure               the verdict when more hosts failed than tolerated: {@code FAIL} or {@code UNSTABLE}
 * @param toleratedFailures       how many failed hosts still pass (0 or more)
 * @param toleratedFailurePercent which share of failed hosts still passes, 0 to 100 (0 = none)
 */
public record FailurePolicy(Verdict onFailure, int toleratedFailures, int toleratedFailurePercent) {

    /** What a run amounts to. */
    public enum Verdict {
        PASSED, UNSTABLE, FAILED
    }

    /** Option names used in validation messages; the CLI and the plugin expose the same names. */
    public static final String ON_FAILURE = "onFailure";
    public static final String TOLERATED_FAILURES = "toleratedFailures";
    public static final String TOLERATED_FAILURE_PERCENT = "toleratedFailurePercent";

    public FailurePolicy {
        if (onFailure == null || onFailure == Verdict.PASSED) {
            throw InvalidInputException.forOption(ON_FAILURE, onFailure, "allowed 'fail' or 'unstable'");
        }
        if (toleratedFailures < 0) {
            throw InvalidInputException.forOption(TOLERATED_FAILURES, toleratedFailures, "allowed 0 or more");
        }
        if (toleratedFailurePercent < 0 || toleratedFailurePercent > 100) {
            throw InvalidInputException.forOption(TOLERATED_FAILURE_PERCENT, toleratedFailurePercent,
                    "allowed 0..100");
        }
        if (toleratedFailures > 0 && toleratedFailurePercent > 0) {
            throw new InvalidInputException(TOLERATED_FAILURES + " (" + toleratedFailures + ") and "
                    + TOLERATED_FAILURE_PERCENT + " (" + toleratedFailurePercent
                    + ") cannot both be set: tolerate either a number or a percentage of failed hosts");
        }
    }

    /** The default: any failed host fails the run. */
    public static FailurePolicy failOnAnyFailure() {
        return new FailurePolicy(Verdict.FAILED, 0, 0);
    }

    /**
     * Builds a policy from user-facing option values, as the plugin and the CLI receive them.
     *
     * @param onFailure               {@code "fail"} or {@code "unstable"} (case-insensitive); null or blank means {@code "fail"}
     * @param toleratedFailures       null means 0
     * @param toleratedFailurePercent null means 0
     */
    public static FailurePolicy of(String onFailure, Integer toleratedFailures, Integer toleratedFailurePercent) {
        return new FailurePolicy(parseOnFailure(onFailure),
                toleratedFailures == null ? 0 : toleratedFailures,
                toleratedFailurePercent == null ? 0 : toleratedFailurePercent);
    }

    private static Verdict parseOnFailure(String value) {
        if (value == null || value.isBlank()) {
            return Verdict.FAILED;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "fail" -> Verdict.FAILED;
            case "unstable" -> Verdict.UNSTABLE;
            default -> throw InvalidInputException.forOption(ON_FAILURE, value, "allowed 'fail' or 'unstable'");
        };
    }

    /** The number of hosts of {@code summary} that did not succeed. */
    public static int failedHosts(RunSummary summary) {
        return summary.total() - summary.count(HostStatus.SUCCEEDED);
    }

    /** Whether the failed hosts of {@code summary} stay within the tolerance. */
    public boolean tolerates(RunSummary summary) {
        int failed = failedHosts(summary);
        if (failed == 0) {
            return true;
        }
        if (toleratedFailurePercent > 0) {
            // integer comparison: 1 failed of 3 hosts is 33.3%, tolerated by 34 but not by 33
            return (long) failed * 100 <= (long) toleratedFailurePercent * summary.total();
        }
        return failed <= toleratedFailures;
    }

    public Verdict decide(RunSummary summary) {
        return tolerates(summary) ? Verdict.PASSED : onFailure;
    }

    /**
     * The verdict of a finished run: a rollout its failure budget stopped never passes (the
     * deployment did not reach every host, whatever the tolerance); otherwise as {@link #decide(RunSummary)}.
     */
    public Verdict decide(RunResult result) {
        return result.rollout().stopped() ? onFailure : decide(result.summary());
    }

    /** {@link #explain(RunSummary)}, led by the rollout's stop when there was one. */
    public String explain(RunResult result) {
        String counts = explain(result.summary());
        return result.rollout().stopped() ? result.rollout().summary() + "; " + counts : counts;
    }

    /**
     * One line for logs and build pages, e.g. {@code "2 of 10 hosts failed (tolerated: 1)"}. Hosts
     * never started (a rollout's stop, the lock-out protection, a cancel) count against the tolerance
     * as every host that did not succeed does, but are not called failed: {@code "6 of 7 hosts did
     * not succeed: 2 failed, 4 not attempted (tolerated: 100%)"}.
     */
    public String explain(RunSummary summary) {
        int notSucceeded = failedHosts(summary);
        int notAttempted = summary.count(HostStatus.SKIPPED);
        String tolerance = " (tolerated: " + toleranceText() + ")";
        if (notAttempted == 0) {
            return notSucceeded + " of " + summary.total() + " hosts failed" + tolerance;
        }
        return notSucceeded + " of " + summary.total() + " hosts did not succeed: " + (notSucceeded - notAttempted)
                + " failed, " + notAttempted + " not attempted" + tolerance;
    }

    private String toleranceText() {
        if (toleratedFailurePercent > 0) {
            return toleratedFailurePercent + "%";
        }
        return Integer.toString(toleratedFailures);
    }
}
