package io.winrminvoke.engine.retry;

/**
 * Whether a failed attempt may be retried, and why (shown in events and the docs' table).
 *
 * @param retry  another attempt may follow (if attempts remain and no deadline forbids it)
 * @param reason one line explaining the decision
 */
public record RetryDecision(boolean retry, String reason) {

    static RetryDecision retry(String reason) {
        return new RetryDecision(true, reason);
    }

    static RetryDecision stop(String reason) {
        return new RetryDecision(false, reason);
    }
}
