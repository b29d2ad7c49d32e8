package io.winrminvoke.engine.winrm.transport.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Basic: the credentials go with every request, so no request is sent twice to collect a 401
 * first. One instance serves every connection: Basic has no per-connection state.
 */
public final class BasicAuthenticator implements ConnectionAuthenticator {

    private final String authorization;

    public BasicAuthenticator(String user, String password) {
        String credentials = user + ":" + password;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public WireReply exchange(byte[] soap, Wire wire) throws IOException {
        return wire.send(new WireRequest(authorization, EncryptedMessage.SOAP_CONTENT_TYPE, soap));
    }

    @Override
    public String toString() {
        return "BasicAuthenticator[****]";
    }
}
