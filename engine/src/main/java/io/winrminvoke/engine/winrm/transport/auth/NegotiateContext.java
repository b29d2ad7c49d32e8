package io.winrminvoke.engine.winrm.transport.auth;

/**
 * Negotiate as Windows clients do it: Kerberos when it can start for this host, else NTLM. The
 * choice is made when the first token is asked for, before anything is sent.
 */
final class NegotiateContext implements SecurityContext {

    private final SecurityContextSource kerberos;
    private final SecurityContextSource ntlm;
    private final ChannelBindings bindings;
    private SecurityContext chosen;
    private String kerberosSkipped;

    /** @param ntlm null when NTLM is impossible (no password: Kerberos credentials from a file) */
    NegotiateContext(SecurityContextSource kerberos, SecurityContextSource ntlm, ChannelBindings bindings) {
        this.kerberos = kerberos;
        this.ntlm = ntlm;
        this.bindings = bindings;
    }

    @Override
    public String mechanism() {
        return chosen == null ? "Negotiate" : chosen.mechanism();
    }

    /** Why Kerberos was not used, or null when it was (or has not been tried yet). */
    String kerberosSkipped() {
        return kerberosSkipped;
    }

    @Override
    public byte[] step(byte[] serverToken) throws AuthProtocolException {
        if (chosen != null) {
            return chosen.step(serverToken);
        }
        try {
            SecurityContext candidate = kerberos.newContext(bindings);
            byte[] token = candidate.step(serverToken);
            chosen = candidate;
            return token;
        } catch (MechanismUnavailableException e) {
            if (ntlm == null) {
                throw e;
            }
            kerberosSkipped = e.getMessage();
            chosen = ntlm.newContext(bindings);
            return chosen.step(serverToken);
        }
    }

    @Override
    public boolean isEstablished() {
        return chosen != null && chosen.isEstablished();
    }

    @Override
    public SealedMessage wrap(byte[] plaintext) {
        if (chosen == null) {
            throw new IllegalStateException("no mechanism chosen yet");
        }
        return chosen.wrap(plaintext);
    }

    @Override
    public byte[] unwrap(SealedMessage sealed) throws AuthProtocolException {
        if (chosen == null) {
            throw new IllegalStateException("no mechanism chosen yet");
        }
        return chosen.unwrap(sealed);
    }
}
