package io.winrminvoke.engine.winrm.session;

import io.winrminvoke.engine.winrm.ConnectionSettings;
import io.winrminvoke.engine.winrm.transport.RequestTimeouts;
import java.time.Duration;

/**
 * How long a request may take. The read timeout is the OperationTimeout plus a margin, so a
 * Receive the host legitimately holds open is never cut short, yet a dead host is noticed.
 *
 * @param normal  for Create, Command, Receive, Send, and Signal/Delete after a normal end
 * @param cleanup for Signal/Delete when terminating or after a failure: short, so stopping is quick
 */
record RequestBounds(RequestTimeouts normal,
                     RequestTimeouts cleanup) {

    private static final Duration MIN_MARGIN = Duration.ofSeconds(2);
    private static final Duration MAX_MARGIN = Duration.ofSeconds(10);
    /** Per request while stopping; Signal plus Delete stay well inside a 5 s cancel budget. */
    static final Duration CLEANUP_TIMEOUT = Duration.ofSeconds(2);

    static RequestBounds of(ConnectionSettings settings) {
        Duration response = settings.operationTimeout().plus(margin(settings.operationTimeout()));
        Duration cleanupConnect = min(settings.connectTimeout(), CLEANUP_TIMEOUT);
        return new RequestBounds(
                new RequestTimeouts(settings.connectTimeout(), response),
                new RequestTimeouts(cleanupConnect, min(response, CLEANUP_TIMEOUT)));
    }

    /** A quarter of the operation timeout, at least 2 s (network latency), at most 10 s. */
    static Duration margin(Duration operationTimeout) {
        // in milliseconds: Duration.dividedBy goes through BigDecimal, 7 % of a short run's
        // samples when every host's client computed it
        Duration quarter = Duration.ofMillis(operationTimeout.toMillis() / 4);
        return quarter.compareTo(MIN_MARGIN) < 0 ? MIN_MARGIN : min(quarter, MAX_MARGIN);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
