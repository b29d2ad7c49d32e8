package io.winrminvoke.engine.winrm;

import io.winrminvoke.engine.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a client proves who it is to a host's WinRM service. A Windows host as shipped refuses
 * Basic and unencrypted HTTP, and accepts Negotiate: Kerberos in a domain, NTLM otherwise.
 * Which method when: docs/auth.md.
 */
public enum AuthMethod {
    /** User name and password with every request; over HTTP only when opted in (both travel in clear). */
    BASIC("basic"),
    /** NTLMv2 in the Negotiate scheme, every message sealed over HTTP: workgroup and local accounts. */
    NTLM("ntlm"),
    /** Kerberos through SPNEGO: a domain account, a KDC in reach and an SPN for the host's name. */
    KERBEROS("kerberos"),
    /** Kerberos when a service ticket can be had for the host, else NTLM: PowerShell's default. */
    NEGOTIATE("negotiate");

    private final String optionValue;

    AuthMethod(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The name users type: {@code basic}, {@code ntlm}, {@code kerberos}, {@code negotiate}. */
    public String optionValue() {
        return optionValue;
    }

    /**
     * The method for a user name when none is chosen: {@code user@REALM} names a Kerberos
     * principal, so NEGOTIATE (Kerberos, NTLM if no ticket can be had); {@code DOMAIN\\user} and a
     * plain local user name NTLM, which works against domain and workgroup hosts alike and needs
     * no KDC. Both work against a Windows host as shipped (Basic off, AllowUnencrypted off).
     */
    public static AuthMethod defaultFor(String user) {
        return user != null && user.indexOf('@') > 0 && user.indexOf('\\') < 0 ? NEGOTIATE : NTLM;
    }

    /**
     * @param option the option's name as the caller's user typed it, for the message
     * @throws InvalidInputException naming the option, the value and the allowed values
     */
    public static AuthMethod parse(String value, String option) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (AuthMethod method : values()) {
            if (method.optionValue.equals(wanted)) {
                return method;
            }
        }
        throw InvalidInputException.forOption(option, value, "allowed " + allowed());
    }

    static String allowed() {
        return Arrays.stream(values()).map(AuthMethod::optionValue).collect(Collectors.joining(", "));
    }
}
