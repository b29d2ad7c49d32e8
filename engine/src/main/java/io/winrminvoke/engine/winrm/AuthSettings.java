package io.winrminvoke.engine.winrm;

import io.winrminvoke.engine.InvalidInputException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How a client authenticates, for every host of a run. Validated in two steps: on its own when
 * built, against the user, password and scheme by {@link #check} (the run request and the client
 * both call it), so a bad combination is refused before any host is contacted.
 *
 * @param method        the method; null = chosen from the user name by {@link AuthMethod#defaultFor}
 *                      (KERBEROS when a ticket cache or keytab is given)
 * @param kerberos      Kerberos credentials source and SPN options (null = defaults)
 * @param basicOverHttp the explicit opt-in to Basic over plain HTTP, where the password and every
 *                      command and its output travel in clear (the host must have AllowUnencrypted)
 */
public record AuthSettings(AuthMethod method, KerberosSettings kerberos, boolean basicOverHttp) {

    /** IPv4 dotted quad, or anything with a colon (hosts are IPv6 literals without brackets). */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|.*:.*");

    public AuthSettings {
        kerberos = kerberos == null ? KerberosSettings.defaults() : kerberos;
        if (basicOverHttp && method != null && method != AuthMethod.BASIC) {
            throw new InvalidInputException("basicOverHttp: applies only to auth basic (auth is "
                    + method.optionValue() + ", which seals every message over HTTP)");
        }
        if (kerberos.hasCredentialFile() && (method == AuthMethod.BASIC || method == AuthMethod.NTLM)) {
            throw new InvalidInputException((kerberos.keytab() != null ? "kerberosKeytab" : "kerberosTicketCache")
                    + ": applies only to auth kerberos or negotiate (auth is " + method.optionValue() + ")");
        }
    }

    /** Option names of {@link #fromOptions}, as the CLI (translated to its flags) and the plugin expose them. */
    public static final String AUTH = "auth";
    public static final String SPN_SERVICE = "spnService";
    public static final String SPN_PORT = "spnPort";
    public static final String SPN_CANONICAL_NAME = "spnCanonicalName";

    /**
     * The settings from the options a user typed (the CLI's flags, the plugin's step parameters):
     * one rule for both front ends. SPN options ask for a Kerberos ticket, so they are refused
     * with {@code basic} and {@code ntlm}.
     *
     * @param method            {@code basic}, {@code ntlm}, {@code kerberos}, {@code negotiate}; null or blank = by user name
     * @param spnService        {@code HTTP} or {@code WSMAN}; null or blank = HTTP
     * @param ticketCache       a Kerberos ticket cache, or null
     * @param keytab            a keytab, or null
     * @throws InvalidInputException naming the option, the bad value and what is allowed
     */
    public static AuthSettings fromOptions(String method, String spnService, boolean spnWithPort,
                                           boolean spnCanonicalName, Path ticketCache, Path keytab,
                                           boolean basicOverHttp) {
        AuthMethod chosen = method == null || method.isBlank() ? null : AuthMethod.parse(method, AUTH);
        boolean serviceGiven = spnService != null && !spnService.isBlank();
        SpnService service = serviceGiven ? SpnService.parse(spnService, SPN_SERVICE) : SpnService.HTTP;
        if ((serviceGiven || spnWithPort || spnCanonicalName)
                && (chosen == AuthMethod.BASIC || chosen == AuthMethod.NTLM)) {
            throw new InvalidInputException((serviceGiven ? SPN_SERVICE : spnWithPort ? SPN_PORT : SPN_CANONICAL_NAME)
                    + ": applies only to auth kerberos or negotiate (auth is " + chosen.optionValue() + ")");
        }
        return new AuthSettings(chosen, new KerberosSettings(ticketCache, keytab, service, spnWithPort,
                spnCanonicalName), basicOverHttp);
    }

    /** The default: the method follows the user name's form. */
    public static AuthSettings byUserName() {
        return new AuthSettings(null, KerberosSettings.defaults(), false);
    }

    public static AuthSettings of(AuthMethod method) {
        return new AuthSettings(method, KerberosSettings.defaults(), false);
    }

    /** Basic, allowed over plain HTTP too (test fleets, hosts with Basic and AllowUnencrypted on). */
    public static AuthSettings unencryptedBasic() {
        return new AuthSettings(AuthMethod.BASIC, KerberosSettings.defaults(), true);
    }

    /** The method used for {@code user}: the chosen one, else the default rule. */
    public AuthMethod methodFor(String user) {
        if (method != null) {
            return method;
        }
        return kerberos.hasCredentialFile() ? AuthMethod.KERBEROS : AuthMethod.defaultFor(user);
    }

    /** These settings with the method fixed for {@code user}. */
    public AuthSettings resolvedFor(String user) {
        return method != null ? this : new AuthSettings(methodFor(user), kerberos, basicOverHttp);
    }

    /**
     * Refuses combinations that cannot work or that would expose the password, naming the setting.
     *
     * @throws InvalidInputException one line: the setting, the problem, what to do
     */
    public void check(String user, boolean hasPassword, boolean https) {
        AuthMethod used = methodFor(user);
        if (used == AuthMethod.BASIC && !https && !basicOverHttp) {
            throw new InvalidInputException("auth: basic over plain HTTP sends the password and every command "
                    + "unencrypted; use HTTPS, or opt in with basicOverHttp (the host must also allow it: "
                    + "AllowUnencrypted=true)");
        }
        if (basicOverHttp && https) {
            throw new InvalidInputException("basicOverHttp: applies only to plain HTTP (HTTPS is on)");
        }
        boolean fromFile = kerberos.hasCredentialFile();
        if (fromFile && hasPassword) {
            throw new InvalidInputException((kerberos.keytab() != null ? "kerberosKeytab" : "kerberosTicketCache")
                    + ": give a password or a Kerberos credentials file, not both");
        }
        if (!hasPassword && !fromFile) {
            throw new InvalidInputException("password: missing; " + used.optionValue() + " needs a password"
                    + (used == AuthMethod.KERBEROS || used == AuthMethod.NEGOTIATE
                    ? " (or, for Kerberos, a ticket cache or keytab)" : ""));
        }
        if (used == AuthMethod.KERBEROS && !fromFile && user.indexOf('\\') >= 0) {
            throw new InvalidInputException("user: '" + user + "' cannot log in to Kerberos: give it as "
                    + "user@REALM (a NetBIOS domain is not a Kerberos realm), or use auth ntlm or negotiate");
        }
    }

    /**
     * Refuses a host Kerberos alone cannot reach: an IP address has no SPN, so no ticket can be
     * asked for it (Negotiate falls back to NTLM there instead).
     *
     * @throws InvalidInputException naming the host
     */
    public void checkTarget(String user, String host) {
        if (methodFor(user) == AuthMethod.KERBEROS && isIpLiteral(host)) {
            throw new InvalidInputException("auth: kerberos cannot reach " + host + ": an IP address has no SPN, so "
                    + "no Kerberos ticket can be issued for it; name the host by its DNS name, or use auth negotiate "
                    + "to fall back to NTLM");
        }
    }

    /**
     * What a run with these settings must tell its user before it starts (the CLI prints it, the
     * plugin logs it), or null: Basic over plain HTTP exposes the password to the network.
     */
    public String warning(String user, boolean https) {
        return methodFor(user) == AuthMethod.BASIC && !https
                ? "Basic authentication over plain HTTP: the password, every command and its output cross the "
                + "network unencrypted (use HTTPS, or ntlm/kerberos/negotiate, which seal every message)"
                : null;
    }

    /** Whether {@code host} is an IP literal rather than a name. */
    public static boolean isIpLiteral(String host) {
        return IP_LITERAL.matcher(host).matches();
    }
}
