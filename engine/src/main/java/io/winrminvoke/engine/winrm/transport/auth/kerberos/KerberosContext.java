package io.winrminvoke.engine.winrm.transport.auth.kerberos;

import io.winrminvoke.engine.winrm.transport.auth.AuthProtocolException;
import io.winrminvoke.engine.winrm.transport.auth.ChannelBindings;
import io.winrminvoke.engine.winrm.transport.auth.SealedMessage;
import io.winrminvoke.engine.winrm.transport.auth.SecurityContext;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import javax.security.auth.Subject;
import org.ietf.jgss.ChannelBinding;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.MessageProp;
import org.ietf.jgss.Oid;

/**
 * Kerberos through SPNEGO with the JDK's GSS-API, for one connection: mutual authentication,
 * confidentiality and integrity requested, no delegation (no double hop), channel bindings over
 * HTTPS where the JVM lets them be sent in Windows' form ({@link WindowsChannelBinding}). The
 * service ticket is asked for under the run's logged-in subject.
 */
final class KerberosContext implements SecurityContext {

    private static final Oid SPNEGO = oid("1.3.6.1.5.5.2");

    private final Subject subject;
    private final String principal;
    private final String spn;
    private final ChannelBindings bindings;
    private GSSContext context;

    /** @param spn {@code service/host[:port]} */
    KerberosContext(Subject subject, String principal, String spn, ChannelBindings bindings) {
        this.subject = subject;
        this.principal = principal;
        this.spn = spn;
        this.bindings = bindings;
    }

    @Override
    public String mechanism() {
        return "Kerberos";
    }

    @Override
    public byte[] step(byte[] serverToken) throws AuthProtocolException {
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<byte[]>) () -> {
                if (context == null) {
                    context = newContext();
                }
                byte[] in = serverToken == null ? new byte[0] : serverToken;
                byte[] out = context.initSecContext(in, 0, in.length);
                if (context.isEstablished() && !context.getConfState()) {
                    throw new AuthProtocolException("Kerberos: the context offers no confidentiality, so messages "
                            + "cannot be sealed");
                }
                return out == null || out.length == 0 ? null : out;
            });
        } catch (PrivilegedActionException e) {
            Exception cause = e.getException();
            if (cause instanceof AuthProtocolException failure) {
                throw failure;
            }
            throw KerberosFailures.context(cause, principal, spn);
        }
    }

    private GSSContext newContext() throws GSSException {
        GSSManager manager = GSSManager.getInstance();
        // service@host is the GSS host-based form of service/host: the JDK maps the host to its
        // realm through krb5.conf's domain_realm, as MIT and Windows clients do.
        int slash = spn.indexOf('/');
        GSSName target = manager.createName(spn.substring(0, slash) + "@" + spn.substring(slash + 1),
                GSSName.NT_HOSTBASED_SERVICE);
        GSSContext created = manager.createContext(target, SPNEGO, null, GSSContext.DEFAULT_LIFETIME);
        created.requestMutualAuth(true);
        created.requestConf(true);
        created.requestInteg(true);
        created.requestCredDeleg(false);
        created.requestReplayDet(true);
        created.requestSequenceDet(true);
        ChannelBinding binding = WindowsChannelBinding.of(bindings);
        if (binding != null) {
            created.setChannelBinding(binding);
        }
        return created;
    }

    @Override
    public boolean isEstablished() {
        return context != null && context.isEstablished();
    }

    @Override
    public SealedMessage wrap(byte[] plaintext) {
        if (!isEstablished()) {
            throw new IllegalStateException("Kerberos context not established");
        }
        try {
            byte[] token = context.wrap(plaintext, 0, plaintext.length, new MessageProp(0, true));
            return WindowsWrapToken.split(token, plaintext.length);
        } catch (GSSException e) {
            throw new IllegalStateException("Kerberos: cannot seal a message: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] unwrap(SealedMessage sealed) throws AuthProtocolException {
        byte[] token = WindowsWrapToken.join(sealed);
        MessageProp prop = new MessageProp(0, true);
        try {
            byte[] plain = context.unwrap(token, 0, token.length, prop);
            if (!prop.getPrivacy()) {
                throw new AuthProtocolException("Kerberos: the host's message was signed but not encrypted");
            }
            return plain;
        } catch (GSSException e) {
            throw new AuthProtocolException("Kerberos: the host's message does not verify: " + e.getMessage(), e);
        }
    }

    private static Oid oid(String dotted) {
        try {
            return new Oid(dotted);
        } catch (GSSException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
