package io.winrminvoke.engine.winrm.transport.auth;

/**
 * A security mechanism could not go on: the host's token was malformed or refused by this side,
 * a signature did not verify, or the client has no usable credential. The message names what
 * happened in words a Windows administrator recognises; it never contains a secret.
 */
public class AuthProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuthProtocolException(String message) {
        super(message);
    }

    public AuthProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
