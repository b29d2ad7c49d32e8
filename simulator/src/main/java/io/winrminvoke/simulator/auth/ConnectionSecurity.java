package io.winrminvoke.simulator.auth;

import io.winrminvoke.simulator.auth.kerberos.KerberosAcceptor;
import io.winrminvoke.simulator.auth.ntlm.NtlmAcceptor;

import java.util.List;

/**
 * The security state of one client connection: a Negotiate handshake in progress, then the
 * established context whose keys and sequence numbers seal every later message. Windows binds it
 * to the TCP connection; the HTTP layer keeps one per connection and drops it when the
 * connection goes. Used by one request at a time (HTTP/1.1 is sequential per connection).
 */
public final class ConnectionSecurity {
    // handshake in progress
    NtlmAcceptor ntlm;
    KerberosAcceptor kerberos;
    /** The NTLM handshake runs inside SPNEGO; its mechanism list and whether a mechListMIC is required. */
    boolean spnego;
    byte[] spnegoMechTypes;
    boolean micRequired;

    // established
    SessionSeal seal;
    String user;
    String scheme;
    /** The WWW-Authenticate value the answer completing the logon carries (mutual authentication), or null. */
    String finalToken;

    /** Whether a Negotiate/Kerberos logon completed on this connection. */
    public synchronized boolean established() {
        return user != null;
    }

    /** The logged-on user ({@code DOMAIN\\user} or {@code user@REALM}), or null. */
    public synchronized String user() {
        return user;
    }

    /** The final token once, for the answer of the request that completed the logon. */
    synchronized List<String> takeFinalToken() {
        String t = finalToken;
        finalToken = null;
        return t == null ? List.of() : List.of(t);
    }

    synchronized void reset() {
        ntlm = null;
        kerberos = null;
        spnego = false;
        spnegoMechTypes = null;
        micRequired = false;
        seal = null;
        user = null;
        scheme = null;
        finalToken = null;
    }
}
