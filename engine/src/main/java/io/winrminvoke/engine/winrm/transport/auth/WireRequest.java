package io.winrminvoke.engine.winrm.transport.auth;

/**
 * One HTTP request as authentication shapes it: the Authorization header (or null) and the body
 * with its content type (an empty body has none).
 */
public record WireRequest(String authorization, String contentType, byte[] body) {

    /** A handshake leg that carries only a token. */
    static WireRequest tokenOnly(String authorization) {
        return new WireRequest(authorization, null, new byte[0]);
    }
}
