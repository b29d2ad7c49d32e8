package io.winrminvoke.engine.winrm.transport.auth.kerberos;

import io.winrminvoke.engine.winrm.KerberosSettings;
import io.winrminvoke.engine.winrm.transport.auth.AuthProtocolException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import javax.security.auth.Subject;

/**
 * The Kerberos logins of one run: each identity logs in to the KDC once, whatever the number of
 * hosts, and a failed login is remembered too, so a wrong password counts one failed logon
 * toward the account's lockout, not one per host. Nothing is kept beyond the object's life, and
 * nothing JVM-wide.
 */
public final class KerberosLogins {

    private record Identity(String principal, Path keytab, Path ticketCache) {
    }

    private final Map<Identity, CompletableFuture<Subject>> logins = new ConcurrentHashMap<>();

    /**
     * The logged-in subject for {@code principal}, logging in on first use.
     *
     * @throws AuthProtocolException what the KDC (or the credentials file) said, in words and codes
     */
    Subject subject(String principal, String password, KerberosSettings settings) throws AuthProtocolException {
        Identity identity = new Identity(principal, settings.keytab(), settings.ticketCache());
        CompletableFuture<Subject> mine = new CompletableFuture<>();
        CompletableFuture<Subject> login = logins.putIfAbsent(identity, mine);
        if (login == null) {
            login = mine;
            try {
                mine.complete(KerberosLogin.login(principal, password, settings));
            } catch (AuthProtocolException | RuntimeException e) {
                mine.completeExceptionally(e);
            }
        }
        try {
            return login.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthProtocolException("Kerberos: interrupted while logging in", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthProtocolException failure) {
                throw failure;
            }
            throw new AuthProtocolException("Kerberos: login failed: " + e.getCause(), e.getCause());
        }
    }
}
