package io.winrminvoke.simulator.auth.kerberos;

import io.winrminvoke.simulator.auth.cbt.CbtHardeningLevel;
import io.winrminvoke.simulator.auth.cbt.ChannelBindings;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.MessageProp;

import java.util.Arrays;

/**
 * The server side of one Kerberos logon (raw Kerberos or Kerberos inside SPNEGO) on the JDK's
 * GSS-API, and the wrap/unwrap of the established context in the form Windows uses.
 *
 * <p>Windows' wrap tokens are RFC 4121 CFX tokens rotated by RRC = 28 (EC 0, AES): the 16-byte
 * header, then the 28 trailing bytes (encrypted header copy + checksum), then the ciphertext; the
 * first 60 bytes travel as the "signature" of the encrypted message. The JDK writes and expects
 * RRC 0, so this class rotates both ways.
 *
 * <p>Channel binding: the JDK's own check cannot serve (it hashes the bindings it is given with
 * null-address type 255 where Windows and MIT use 0, and refuses any client without bindings), so
 * the JDK acceptor is given none and {@link AuthenticatorBindings} reads the client's Bnd field
 * with the service key; {@link CbtHardeningLevel} decides.
 */
public final class KerberosAcceptor {
    private static final int TOKEN_HEADER = 16;
    private static final int AES_CONFOUNDER = 16;
    private static final int AES_CHECKSUM = 12;

    private final KerberosService service;
    private final boolean spnego;
    private final ChannelBindings bindings;
    private final CbtHardeningLevel cbtLevel;
    private GSSContext context;

    /**
     * @param spnego   the client's first token is SPNEGO (else raw Kerberos)
     * @param bindings this connection's channel bindings, or null on plain HTTP
     */
    public KerberosAcceptor(KerberosService service, boolean spnego, ChannelBindings bindings, CbtHardeningLevel cbtLevel) {
        this.service = service;
        this.spnego = spnego;
        this.bindings = bindings;
        this.cbtLevel = cbtLevel;
    }

    /** Accepts one client token; returns the token to send back (AP-REP, SPNEGO response) or null. */
    public byte[] accept(byte[] token) {
        try {
            if (context == null) {
                if (bindings != null && cbtLevel != CbtHardeningLevel.NONE) {
                    checkBindings(AuthenticatorBindings.of(token, service.keys()));
                }
                context = GSSManager.getInstance().createContext(service.newCredential());
            }
            return context.acceptSecContext(token, 0, token.length);
        } catch (GSSException e) {
            throw new KerberosException("Kerberos logon refused: " + e.getMessage(), e);
        }
    }

    private void checkBindings(byte[] presented) {
        if (!cbtLevel.accepts(bindings.md5Hash(), presented)) {
            boolean absent = Arrays.equals(presented, new byte[presented.length]);
            throw new KerberosException((absent ? "the client sent no channel binding token"
                    : "the channel binding token does not match this connection")
                    + " (CbtHardeningLevel " + cbtLevel.jsonName() + ")", null);
        }
    }

    public boolean established() {
        return context != null && context.isEstablished();
    }

    /** {@code user@REALM} of the client, once established. */
    public String clientPrincipal() {
        try {
            return context.getSrcName().toString();
        } catch (GSSException e) {
            throw new KerberosException("no client name: " + e.getMessage(), e);
        }
    }

    public boolean spnego() {
        return spnego;
    }

    /** Seals a message: {@code [0]} the token header part (60 bytes for AES), {@code [1]} the ciphertext. */
    public byte[][] wrap(byte[] plaintext) {
        byte[] token;
        try {
            token = context.wrap(plaintext, 0, plaintext.length, new MessageProp(0, true));
        } catch (GSSException e) {
            throw new KerberosException("wrap failed: " + e.getMessage(), e);
        }
        checkCfx(token);
        int ec = ((token[4] & 0xFF) << 8) | (token[5] & 0xFF);
        int rrc = ec + TOKEN_HEADER + AES_CHECKSUM;
        int body = token.length - TOKEN_HEADER;
        byte[] rotated = new byte[token.length];
        System.arraycopy(token, 0, rotated, 0, TOKEN_HEADER);
        rotated[6] = (byte) (rrc >> 8);
        rotated[7] = (byte) rrc;
        System.arraycopy(token, TOKEN_HEADER + body - rrc, rotated, TOKEN_HEADER, rrc);
        System.arraycopy(token, TOKEN_HEADER, rotated, TOKEN_HEADER + rrc, body - rrc);
        int headerLength = TOKEN_HEADER + rrc + AES_CONFOUNDER;
        return new byte[][] {Arrays.copyOf(rotated, headerLength), Arrays.copyOfRange(rotated, headerLength, rotated.length)};
    }

    /** Unseals a message whose token was split into {@code header} and {@code data}, whatever its RRC. */
    public byte[] unwrap(byte[] header, byte[] data) {
        byte[] token = new byte[header.length + data.length];
        System.arraycopy(header, 0, token, 0, header.length);
        System.arraycopy(data, 0, token, header.length, data.length);
        checkCfx(token);
        int rrc = ((token[6] & 0xFF) << 8) | (token[7] & 0xFF);
        int body = token.length - TOKEN_HEADER;
        if (rrc > 0) {
            if (rrc > body) {
                throw new KerberosException("wrap token RRC " + rrc + " exceeds its length", null);
            }
            byte[] plain = new byte[token.length];
            System.arraycopy(token, 0, plain, 0, TOKEN_HEADER);
            plain[6] = 0;
            plain[7] = 0;
            System.arraycopy(token, TOKEN_HEADER + rrc, plain, TOKEN_HEADER, body - rrc);
            System.arraycopy(token, TOKEN_HEADER, plain, TOKEN_HEADER + body - rrc, rrc);
            token = plain;
        }
        try {
            return context.unwrap(token, 0, token.length, new MessageProp(0, true));
        } catch (GSSException e) {
            throw new KerberosException("unwrap failed: " + e.getMessage(), e);
        }
    }

    private static void checkCfx(byte[] token) {
        if (token.length < TOKEN_HEADER || token[0] != 0x05 || token[1] != 0x04) {
            throw new KerberosException("not an RFC 4121 wrap token (only AES enctypes are supported)", null);
        }
    }
}
