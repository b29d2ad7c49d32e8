package io.winrminvoke.engine.winrm.transport.auth;

import io.winrminvoke.engine.winrm.WinRmException;
import java.io.IOException;

/**
 * The authentication of one TCP connection: what goes with each SOAP request on it and how the
 * answer is opened. A new connection always gets a new one, because Windows binds a Negotiate
 * context (and its sequence numbers) to the connection that carried its handshake.
 */
public interface ConnectionAuthenticator {

    /**
     * Sends {@code soap} on {@code wire}, authenticating the connection first if it is not yet.
     *
     * @return the answer, its body unsealed when it came sealed
     * @throws WinRmException AUTH_FAILED when the handshake fails (nothing of the command was run)
     * @throws IOException    from the connection
     */
    WireReply exchange(byte[] soap, Wire wire) throws IOException, WinRmException;
}
