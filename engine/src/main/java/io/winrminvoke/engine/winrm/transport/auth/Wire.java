package io.winrminvoke.engine.winrm.transport.auth;

import java.io.IOException;

/** One TCP connection, seen from authentication: sends a request on it, returns the answer. */
@FunctionalInterface
public interface Wire {

    WireReply send(WireRequest request) throws IOException;
}
