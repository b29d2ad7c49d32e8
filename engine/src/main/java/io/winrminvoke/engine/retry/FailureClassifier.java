package io.winrminvoke.engine.retry;

import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.winrm.FailureKind;

/**
 * The one place that decides what a failure means: which host status it gives, and whether the
 * attempt may be retried under a {@link RetryPolicy}. The table is in docs/engine.md.
 *
 * <p>Only transient failures retry: the host may well answer a moment later (refused, connect
 * timeout, dropped, no response, quota). Failures a retry cannot fix (authentication, TLS, SSH host
 * keys, DNS,
 * protocol faults, deadlines, cancellation) never do. A transient failure after the command may
 * have started retries only when the policy opts in, because the retry would run it again.
 */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    /** Failures that a later attempt can plausibly get past. */
    public static boolean isTransient(FailureKind kind) {
        return switch (kind) {
            case CONNECTION_REFUSED, CONNECT_TIMEOUT, CONNECTION_DROPPED, NO_RESPONSE, QUOTA_EXCEEDED -> true;
            case UNKNOWN_HOST, AUTH_FAILED, TLS_FAILED, HOST_KEY_REJECTED, PROTOCOL_ERROR, COMMAND_TIMEOUT,
                    CANCELLED -> false;
        };
    }

    /** Whether an attempt that failed with {@code kind} may be retried. */
    public static RetryDecision classify(FailureKind kind, boolean commandStarted, RetryPolicy policy) {
        if (!isTransient(kind)) {
            return RetryDecision.stop(kind + " is not transient: a retry would fail the same way");
        }
        if (commandStarted && !policy.retryAfterCommandStarted()) {
            return RetryDecision.stop(kind + " after the command may have started: not re-run unless opted in");
        }
        return RetryDecision.retry(kind + (commandStarted ? " (command may have started; re-run opted in)" : " is transient"));
    }

    /** Whether an attempt whose command exited with {@code exitCode} may be retried. */
    public static RetryDecision classifyExit(int exitCode, RetryPolicy policy) {
        if (exitCode == 0) {
            return RetryDecision.stop("exit code 0");
        }
        return policy.retryOnNonZeroExit()
                ? RetryDecision.retry("exit code " + exitCode + " and retry on non-zero exit is on")
                : RetryDecision.stop("exit code " + exitCode + " (retry on non-zero exit is off)");
    }

    /** The host status a failure of {@code kind} gives. */
    public static HostStatus statusOf(FailureKind kind) {
        return switch (kind) {
            case CONNECTION_REFUSED, CONNECT_TIMEOUT, UNKNOWN_HOST -> HostStatus.UNREACHABLE;
            case AUTH_FAILED -> HostStatus.AUTH_FAILED;
            case COMMAND_TIMEOUT -> HostStatus.TIMED_OUT;
            case CANCELLED -> HostStatus.CANCELLED;
            case CONNECTION_DROPPED, NO_RESPONSE, TLS_FAILED, HOST_KEY_REJECTED, QUOTA_EXCEEDED, PROTOCOL_ERROR ->
                    HostStatus.ERROR;
        };
    }
}
