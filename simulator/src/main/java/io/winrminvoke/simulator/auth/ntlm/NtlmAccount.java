package io.winrminvoke.simulator.auth.ntlm;

import java.util.Locale;

/**
 * The account a host accepts, from the configured user name: {@code user} (a local account),
 * {@code DOMAIN\\user} or {@code user@dns.domain} (a domain account). A client names it in any of
 * Windows' forms: {@code DOMAIN\\user}, the UPN {@code user@domain}, or a local {@code user} /
 * {@code .\\user} / {@code COMPUTER\\user}.
 */
public record NtlmAccount(String name, String netbiosDomain, String dnsDomain) {

    public static NtlmAccount parse(String configuredUser) {
        int backslash = configuredUser.indexOf('\\');
        if (backslash >= 0) {
            String domain = configuredUser.substring(0, backslash);
            return new NtlmAccount(configuredUser.substring(backslash + 1), netbios(domain),
                    domain.contains(".") ? domain : null);
        }
        int at = configuredUser.lastIndexOf('@');
        if (at > 0) {
            String domain = configuredUser.substring(at + 1);
            return new NtlmAccount(configuredUser.substring(0, at), netbios(domain), domain);
        }
        return new NtlmAccount(configuredUser, null, null);
    }

    private static String netbios(String domain) {
        int dot = domain.indexOf('.');
        return (dot < 0 ? domain : domain.substring(0, dot)).toUpperCase(Locale.ROOT);
    }

    public boolean local() {
        return netbiosDomain == null;
    }

    /** Whether the (user, domain) an AUTHENTICATE_MESSAGE names is this account on {@code computerName}. */
    boolean isNamedBy(String user, String domain, String computerName) {
        String u = user;
        String d = domain;
        int at = u.lastIndexOf('@');
        if (d.isEmpty() && at > 0) {
            d = u.substring(at + 1);
            u = u.substring(0, at);
        }
        if (!u.equalsIgnoreCase(name)) {
            return false;
        }
        if (local()) {
            return d.isEmpty() || d.equals(".") || d.equalsIgnoreCase(computerName);
        }
        return d.equalsIgnoreCase(netbiosDomain) || (dnsDomain != null && d.equalsIgnoreCase(dnsDomain))
                || netbios(d).equals(netbiosDomain);
    }
}
