package io.winrminvoke.engine.report;

/**
 * One attempt of one host in results.json.
 *
 * @param outcome a {@code HostStatus} name
 * @param failure a {@code FailureKind} name, or null
 * @param retried whether another attempt followed
 */
public record ResultsAttempt(int number, String started, String ended, long durationMs, String outcome,
                             Integer exitCode, String error, String failure, boolean retried) {
}
