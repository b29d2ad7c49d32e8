package io.winrminvoke.engine.winrm;

import io.winrminvoke.engine.InvalidInputException;
import java.nio.file.Path;

/**
 * Kerberos options: where the client's credentials come from and which SPN it asks a ticket for.
 * Without a ticket cache or keytab the user name ({@code user@REALM}) and password log in.
 * The KDCs and realms come from krb5.conf, which the JDK reads JVM-wide (docs/auth.md).
 *
 * @param ticketCache       an existing ticket cache file (as written by {@code kinit}), or null
 * @param keytab            a keytab holding the user's key, or null
 * @param spnService        service class of the SPN: {@code HTTP/host} (default) or {@code WSMAN/host}
 * @param spnWithPort       ask for {@code HTTP/host:port} (hosts whose SPN was registered with the port)
 * @param canonicalHostName resolve the host name to its canonical DNS name (CNAME, reverse lookup)
 *                          before building the SPN
 */
public record KerberosSettings(Path ticketCache, Path keytab, SpnService spnService, boolean spnWithPort,
                               boolean canonicalHostName) {

    public KerberosSettings {
        spnService = spnService == null ? SpnService.HTTP : spnService;
        if (ticketCache != null && keytab != null) {
            throw new InvalidInputException("kerberosKeytab: give a keytab or a ticket cache (kerberosTicketCache), "
                    + "not both");
        }
    }

    public static KerberosSettings defaults() {
        return new KerberosSettings(null, null, SpnService.HTTP, false, false);
    }

    /** Whether the credentials come from a file rather than from the user's password. */
    public boolean hasCredentialFile() {
        return ticketCache != null || keytab != null;
    }

    /** {@code HTTP/host} or {@code HTTP/host:port}, from the name as given (before any canonicalisation). */
    public String spnFor(String host, int port) {
        return spnService.name() + "/" + host + (spnWithPort ? ":" + port : "");
    }
}
