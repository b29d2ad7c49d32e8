package io.winrminvoke.simulator.auth;

import java.util.List;

/**
 * What the authentication layer needs of one HTTP request, free of any HTTP server's types.
 *
 * @param authorization every {@code Authorization} header value, in order (usually zero or one)
 * @param contentType   the {@code Content-Type} header, or null
 * @param body          the request body as received
 */
public record AuthRequest(List<String> authorization, String contentType, byte[] body) {
    public AuthRequest {
        authorization = List.copyOf(authorization);
    }
}
