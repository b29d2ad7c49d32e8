package io.winrminvoke.simulator.auth;

import java.util.List;

/**
 * What to do with a request after authentication.
 *
 * @param outcome         proceed with {@link #soapBody}, or answer with {@link #status} and no body
 * @param status          the HTTP status to answer when not proceeding (401, 500, 400)
 * @param wwwAuthenticate {@code WWW-Authenticate} values to send: the offers of a 401, a handshake
 *                        token, or the final (mutual authentication) token of a 200
 * @param soapBody        the SOAP request (unsealed when it came sealed); empty for a handshake-only request
 * @param sealedWith      the protocol the request was sealed with: the answer must be sealed alike; null if plain
 * @param user            who the request is from, or null
 * @param failure         why a logon failed (for the log, never with secrets), or null
 */
public record AuthResult(Outcome outcome, int status, List<String> wwwAuthenticate, byte[] soapBody,
                         String sealedWith, String user, String failure) {

    public enum Outcome { PROCEED, ANSWER }

    public AuthResult {
        wwwAuthenticate = List.copyOf(wwwAuthenticate);
    }

    static AuthResult proceed(byte[] soapBody, List<String> wwwAuthenticate, String sealedWith, String user) {
        return new AuthResult(Outcome.PROCEED, 200, wwwAuthenticate, soapBody, sealedWith, user, null);
    }

    static AuthResult answer(int status, List<String> wwwAuthenticate, String failure) {
        return new AuthResult(Outcome.ANSWER, status, wwwAuthenticate, new byte[0], null, null, failure);
    }

    public boolean proceeds() {
        return outcome == Outcome.PROCEED;
    }

    public boolean sealed() {
        return sealedWith != null;
    }
}
