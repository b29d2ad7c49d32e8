package io.winrminvoke.engine.winrm;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to talk to one host over WinRM.
 *
 * @param host             DNS name or IP literal (IPv6 without brackets)
 * @param port             TCP port
 * @param https            use HTTPS (5986 by convention) instead of HTTP (5985)
 * @param user             user name: {@code user}, {@code DOMAIN\\user} or {@code user@REALM}
 * @param password         password; never logged, never in toString; null only when Kerberos
 *                         credentials come from a ticket cache or keytab
 * @param connectTimeout   TCP (and TLS) connect timeout
 * @param operationTimeout WS-Management OperationTimeout sent with each request; the socket
 *                         read timeout is always this plus a margin, never infinite
 * @param codepage         WINRS_CODEPAGE for new shells (65001 = UTF-8)
 * @param tls              certificate verification settings (HTTPS only)
 * @param auth             authentication; null = by the user name's form ({@link AuthSettings#byUserName()});
 *                         always stored with its method resolved for {@code user}
 */
public record ConnectionSettings(String host, int port, boolean https, String user, String password,
                                 Duration connectTimeout, Duration operationTimeout, int codepage,
                                 TlsSettings tls, AuthSettings auth) {

    public ConnectionSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(operationTimeout, "operationTimeout");
        tls = tls == null ? TlsSettings.verifying() : tls;
        auth = (auth == null ? AuthSettings.byUserName() : auth).resolvedFor(user);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + (https ? "https" : "http") + "://" + host + ":" + port + ", user=" + user
                + ", password=****, auth=" + auth.method().optionValue() + ", codepage=" + codepage + "]";
    }
}
