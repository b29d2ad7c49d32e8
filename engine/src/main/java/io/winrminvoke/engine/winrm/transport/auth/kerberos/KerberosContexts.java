package io.winrminvoke.engine.winrm.transport.auth.kerberos;

import io.winrminvoke.engine.winrm.AuthSettings;
import io.winrminvoke.engine.winrm.ConnectionSettings;
import io.winrminvoke.engine.winrm.KerberosSettings;
import io.winrminvoke.engine.winrm.transport.auth.AuthProtocolException;
import io.winrminvoke.engine.winrm.transport.auth.ChannelBindings;
import io.winrminvoke.engine.winrm.transport.auth.MechanismUnavailableException;
import io.winrminvoke.engine.winrm.transport.auth.SecurityContext;
import io.winrminvoke.engine.winrm.transport.auth.SecurityContextSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.security.auth.Subject;

/** Kerberos contexts for the connections to one host: one login per run, one SPN per host. */
public final class KerberosContexts implements SecurityContextSource {

    private final KerberosLogins logins;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final KerberosSettings settings;
    private volatile String spn;

    public KerberosContexts(KerberosLogins logins, ConnectionSettings connection) {
        this.logins = logins;
        this.user = connection.user();
        this.password = connection.password();
        this.host = connection.host();
        this.port = connection.port();
        this.settings = connection.auth().kerberos();
    }

    /** The SPN as configured, before any canonicalisation: what messages name before a ticket is asked for. */
    public String configuredSpn() {
        return settings.spnFor(host, port);
    }

    @Override
    public SecurityContext newContext(ChannelBindings bindings) throws AuthProtocolException {
        if (!settings.hasCredentialFile() && (user.indexOf('@') <= 0 || user.indexOf('\\') >= 0)) {
            throw new MechanismUnavailableException("Kerberos: the user '" + user + "' names no realm (user@REALM)");
        }
        if (AuthSettings.isIpLiteral(host)) {
            throw new MechanismUnavailableException("Kerberos: " + host + " is an IP address, which has no SPN, so no "
                    + "ticket can be issued for it (SEC_E_TARGET_UNKNOWN 0x80090303): name the host by its DNS name");
        }
        String principal = principal(user);
        Subject subject = logins.subject(principal, password, settings);
        return new KerberosContext(subject, principal, spn(), bindings);
    }

    /** {@code user@realm} with the realm upper-cased, as AD realms are; any other form as given. */
    static String principal(String user) {
        int at = user.lastIndexOf('@');
        return at <= 0 ? user : user.substring(0, at) + "@" + user.substring(at + 1).toUpperCase(Locale.ROOT);
    }

    private String spn() throws AuthProtocolException {
        String known = spn;
        if (known == null) {
            known = settings.spnFor(settings.canonicalHostName() ? canonical(host) : host, port);
            spn = known;
        }
        return known;
    }

    private static String canonical(String host) throws AuthProtocolException {
        try {
            return InetAddress.getByName(host).getCanonicalHostName().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            throw new MechanismUnavailableException("Kerberos: cannot canonicalise " + host + " for its SPN: "
                    + "the name does not resolve", e);
        }
    }
}
