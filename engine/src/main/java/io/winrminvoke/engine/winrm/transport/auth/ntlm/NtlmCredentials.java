package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import io.winrminvoke.engine.InvalidInputException;

/**
 * Who logs on, in the three forms Windows takes: <code>DOMAIN&#92;user</code>, a UPN
 * {@code user@domain.example} (sent whole as the user name with an empty domain, as Windows
 * clients send it, so the host's domain controller resolves it) and a plain {@code user} (empty
 * domain: the host's own accounts first). <code>.&#92;user</code> names an account local to the host:
 * the domain {@value #HOST_LOCAL} is replaced by the host's NetBIOS computer name from its
 * challenge, the name of its local account database.
 *
 * @param domain   the NetBIOS or DNS domain, empty for none, {@value #HOST_LOCAL} for the host itself
 * @param user     the account name, or the whole UPN
 * @param password never printed: {@link #toString()} leaves it out
 */
public record NtlmCredentials(String domain, String user, String password) {

    /** The domain of <code>.&#92;user</code>: the target host's own account database. */
    public static final String HOST_LOCAL = ".";

    public NtlmCredentials {
        if (domain == null || user == null || user.isEmpty() || password == null) {
            throw new InvalidInputException("NTLM credentials need a domain (may be empty), a user and a password");
        }
    }

    /**
     * @throws InvalidInputException naming {@code user} when the user name is empty or has an
     *                               empty part, or {@code password} when it is missing
     */
    public static NtlmCredentials parse(String user, String password) {
        String allowed = "expected DOMAIN\\user, user@domain.example, .\\user or user";
        if (user == null || user.isBlank()) {
            throw InvalidInputException.forOption("user", user == null ? "" : user, allowed);
        }
        if (password == null) {
            throw new InvalidInputException("password: missing (NTLM needs the account's password)");
        }
        int slash = user.indexOf('\\');
        if (slash >= 0) {
            String domain = user.substring(0, slash);
            String name = user.substring(slash + 1);
            if (domain.isEmpty() || name.isEmpty() || name.indexOf('\\') >= 0) {
                throw InvalidInputException.forOption("user", user, allowed);
            }
            return new NtlmCredentials(domain, name, password);
        }
        if (user.startsWith("@") || user.endsWith("@")) {
            throw InvalidInputException.forOption("user", user, allowed);
        }
        return new NtlmCredentials("", user, password);
    }

    @Override
    public String toString() {
        return "NtlmCredentials[domain=" + domain + ", user=" + user + "]";
    }
}
