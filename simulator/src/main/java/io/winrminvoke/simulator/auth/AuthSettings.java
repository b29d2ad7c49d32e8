package io.winrminvoke.simulator.auth;

import io.winrminvoke.simulator.auth.cbt.CbtHardeningLevel;

import java.util.Objects;

/**
 * A host's WinRM authentication settings, as {@code winrm get winrm/config/service} shows them:
 * {@code Auth/Basic}, {@code AllowUnencrypted}, {@code Auth/Negotiate} (here split into its NTLM
 * and Kerberos halves), {@code Auth/Kerberos} and {@code Auth/CbtHardeningLevel}.
 *
 * @param basic            Basic is accepted (only over HTTPS unless {@code allowUnencrypted})
 * @param allowUnencrypted plain-HTTP requests may carry unencrypted SOAP (else they must be sealed)
 * @param ntlm             Negotiate may select NTLM
 * @param kerberos         Negotiate (and the {@code Kerberos} scheme) may select Kerberos; needs a keytab
 * @param cbtHardeningLevel how HTTPS Negotiate logons treat channel binding tokens
 */
public record AuthSettings(boolean basic, boolean allowUnencrypted, boolean ntlm, boolean kerberos,
                           CbtHardeningLevel cbtHardeningLevel) {

    public AuthSettings {
        Objects.requireNonNull(cbtHardeningLevel, "cbtHardeningLevel");
    }

    /** The simulator's historical default: Basic over HTTP, NTLM offered, Windows' Relaxed CBT. */
    public static AuthSettings simulatorDefaults() {
        return new AuthSettings(true, true, true, false, CbtHardeningLevel.RELAXED);
    }

    /** A Windows Server as shipped, outside a domain: no Basic, no unencrypted HTTP, NTLM, Relaxed CBT. */
    public static AuthSettings windowsDefaults() {
        return new AuthSettings(false, false, true, false, CbtHardeningLevel.RELAXED);
    }

    public boolean negotiate() {
        return ntlm || kerberos;
    }

    /** Basic is refused over plain HTTP while AllowUnencrypted is false, as Windows does. */
    public boolean basicAllowed(boolean https) {
        return basic && (https || allowUnencrypted);
    }
}
