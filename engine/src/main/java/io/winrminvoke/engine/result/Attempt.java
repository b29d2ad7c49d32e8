package io.winrminvoke.engine.result;

import java.time.Duration;
import java.time.Instant;

/**
 * One attempt at running the command on one host.
 *
 * @param number     1-based attempt number
 * @param started    when the attempt began
 * @param ended      when it ended
 * @param outcome    what this attempt amounted to (same vocabulary as the host status)
 * @param exitCode   the remote exit code, or null if the command did not complete
 * @param error      a one-line description of the failure, or null
 * @param failure    the classified failure kind name (see {@code FailureKind}), or null
 * @param retried    whether another attempt followed this one
 */
public record Attempt(int number, Instant started, Instant ended, HostStatus outcome, Integer exitCode,
                      String error, String failure, boolean retried) {

    public Duration duration() {
        return Duration.between(started, ended);
    }
}
