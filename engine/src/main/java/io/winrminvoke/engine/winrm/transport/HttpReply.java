package io.winrminvoke.engine.winrm.transport;

import java.util.List;

/**
 * What came back for one POST.
 *
 * @param status             HTTP status code
 * @param body               the response body (empty when there was none)
 * @param offeredAuthSchemes scheme names from WWW-Authenticate challenges, in order (e.g.
 *                           Negotiate, Basic); empty unless the host sent any
 */
public record HttpReply(int status, byte[] body, List<String> offeredAuthSchemes) {

    public HttpReply {
        offeredAuthSchemes = List.copyOf(offeredAuthSchemes);
    }
}
