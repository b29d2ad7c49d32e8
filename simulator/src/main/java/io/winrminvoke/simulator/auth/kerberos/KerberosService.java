package io.winrminvoke.simulator.auth.kerberos;

import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.Oid;

import javax.security.auth.Subject;
import javax.security.auth.kerberos.KeyTab;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;

/**
 * The acceptor side of a host's Kerberos: the service keys of a keytab (any principal in it, e.g.
 * {@code HTTP/localhost@REALM} and {@code WSMAN/localhost@REALM}), through the JDK's GSS-API.
 * The JDK reads its Kerberos configuration ({@code java.security.krb5.conf}) JVM-wide; whoever
 * starts the simulator (a test, the launcher) sets it, never this class.
 */
public final class KerberosService {
    static final Oid KERBEROS;
    static final Oid SPNEGO;

    static {
        try {
            KERBEROS = new Oid("1.2.840.113554.1.2.2");
            SPNEGO = new Oid("1.3.6.1.5.5.2");
        } catch (GSSException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Path keytab;
    private final KeyTab keys;
    private final Subject subject;

    private KerberosService(Path keytab, KeyTab keys, Subject subject) {
        this.keytab = keytab;
        this.keys = keys;
        this.subject = subject;
    }

    public static KerberosService fromKeytab(Path keytab) {
        if (!Files.isReadable(keytab)) {
            throw new IllegalArgumentException("keytab: " + keytab + " does not exist or cannot be read");
        }
        KeyTab keys = KeyTab.getUnboundInstance(new File(keytab.toString()));
        Subject subject = new Subject();
        subject.getPrivateCredentials().add(keys);
        return new KerberosService(keytab, keys, subject);
    }

    public Path keytab() {
        return keytab;
    }

    /** The service keys, for reading what an AP-REQ carries beyond what the JDK exposes. */
    KeyTab keys() {
        return keys;
    }

    /** A fresh acceptor credential for every principal in the keytab. */
    GSSCredential newCredential() {
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<GSSCredential>) () ->
                    GSSManager.getInstance().createCredential(null, GSSCredential.INDEFINITE_LIFETIME,
                            new Oid[] {KERBEROS, SPNEGO}, GSSCredential.ACCEPT_ONLY));
        } catch (PrivilegedActionException e) {
            throw new KerberosException("cannot use keytab " + keytab + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public String toString() {
        return "KerberosService[keytab=" + keytab + "]";
    }
}
