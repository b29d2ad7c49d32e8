package io.winrminvoke.engine.winrm.transport.auth;

/**
 * The client side of one authenticated TCP connection: a GSS-style token exchange, then
 * sealing (encryption plus signature) of each message. Windows binds the security context and
 * its sequence numbers to the connection that carried the handshake, so a new connection always
 * needs a new context; a context is never shared between connections or threads at once.
 */
public interface SecurityContext {

    /** "NTLM" or "Kerberos": what the user is told was tried. */
    String mechanism();

    /**
     * The next token for the host.
     *
     * @param serverToken the token from the host's last {@code WWW-Authenticate: Negotiate}
     *                    answer, or {@code null} before the first request
     * @return the token to send, or {@code null} when the context is established and there is
     *         nothing more to send
     * @throws AuthProtocolException when the host's token is malformed or unacceptable, or the
     *                               client cannot produce a token (no ticket, no SPN, ...)
     */
    byte[] step(byte[] serverToken) throws AuthProtocolException;

    /** True once the handshake has finished on this side (the last token may still be in flight). */
    boolean isEstablished();

    /**
     * Encrypts and signs one message with the next client-to-host sequence number.
     *
     * @throws IllegalStateException before the context is established
     */
    SealedMessage wrap(byte[] plaintext);

    /**
     * Verifies and decrypts one message from the host with the next host-to-client sequence
     * number.
     *
     * @throws AuthProtocolException when the signature does not verify (tampered, out of sequence
     *                               or sealed with another key)
     */
    byte[] unwrap(SealedMessage sealed) throws AuthProtocolException;
}
