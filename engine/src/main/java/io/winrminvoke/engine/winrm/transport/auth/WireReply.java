package io.winrminvoke.engine.winrm.transport.auth;

import java.util.List;

/**
 * One HTTP answer as authentication sees it.
 *
 * @param status      HTTP status code
 * @param contentType the Content-Type header, or null
 * @param body        the body (empty when there was none)
 * @param challenges  every WWW-Authenticate header value, in order
 */
public record WireReply(int status, String contentType, byte[] body, List<String> challenges) {

    public WireReply {
        challenges = List.copyOf(challenges);
    }

    WireReply withBody(String newContentType, byte[] newBody) {
        return new WireReply(status, newContentType, newBody, challenges);
    }
}
