package io.winrminvoke.engine.winrm.transport.auth;

import javax.net.ssl.SSLSession;

/** Makes the authenticator of each new TCP connection to one host. */
@FunctionalInterface
public interface AuthenticatorFactory {

    /**
     * @param tls the connection's TLS session (its certificate gives the channel bindings), or
     *            null over plain HTTP
     */
    ConnectionAuthenticator forConnection(SSLSession tls) throws AuthProtocolException;
}
