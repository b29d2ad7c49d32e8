package io.winrminvoke.engine.winrm.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of one HTTP exchange; both always finite.
 *
 * @param connect  TCP connect and TLS handshake (when a new connection is needed)
 * @param response waiting for the answer once the request is sent
 */
public record RequestTimeouts(Duration connect, Duration response) {

    public RequestTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(response, "response");
        if (connect.isNegative() || connect.isZero() || response.isNegative() || response.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive, got connect=" + connect
                    + ", response=" + response);
        }
    }
}
