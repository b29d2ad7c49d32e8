package io.winrminvoke.engine.winrm.transport.auth.kerberos;

import io.winrminvoke.engine.winrm.transport.auth.AuthProtocolException;
import io.winrminvoke.engine.winrm.transport.auth.SealedMessage;
import java.util.Arrays;

/**
 * Kerberos wrap tokens (RFC 4121 CFX, AES) in the layout Windows seals WinRM messages with.
 * The JDK writes {@code header | E(confounder | data | filler | header) | checksum} with a right
 * rotation count (RRC) of 0; Windows (MS-KILE 3.4.5.4.1) sets RRC to 28 and rotates the
 * encrypted part right by RRC + EC, so the token splits into a signature (header, rotated
 * trailer, confounder) and encrypted bytes exactly as long as the data, which is what MS-WSMV's
 * framing carries apart.
 */
final class WindowsWrapToken {

    static final int HEADER = 16;
    /** Encrypted header copy (16) plus the HMAC-SHA1-96 checksum (12) of the AES enctypes. */
    static final int RRC = 28;

    private WindowsWrapToken() {
    }

    /** Splits a JDK wrap token of {@code plaintextLength} bytes of data. */
    static SealedMessage split(byte[] token, int plaintextLength) {
        requireCfx(token);
        int ec = u16(token, 4);
        byte[] body = Arrays.copyOfRange(token, HEADER, token.length);
        body = rotateRight(rotateLeft(body, u16(token, 6)), RRC + ec);
        int signatureLength = HEADER + body.length - plaintextLength;
        byte[] signature = new byte[signatureLength];
        System.arraycopy(token, 0, signature, 0, HEADER);
        signature[6] = (byte) (RRC >>> 8);
        signature[7] = (byte) RRC;
        System.arraycopy(body, 0, signature, HEADER, signatureLength - HEADER);
        return new SealedMessage(signature, Arrays.copyOfRange(body, signatureLength - HEADER, body.length));
    }

    /** Joins a Windows-framed token back into the unrotated form the JDK unwraps. */
    static byte[] join(SealedMessage sealed) throws AuthProtocolException {
        byte[] signature = sealed.signature();
        if (signature.length < HEADER) {
            throw new AuthProtocolException("Kerberos: the host's wrap token header is " + signature.length
                    + " bytes, shorter than a token header");
        }
        byte[] token = new byte[signature.length + sealed.encrypted().length];
        System.arraycopy(signature, 0, token, 0, signature.length);
        System.arraycopy(sealed.encrypted(), 0, token, signature.length, sealed.encrypted().length);
        try {
            requireCfx(token);
        } catch (IllegalArgumentException e) {
            throw new AuthProtocolException(e.getMessage(), e);
        }
        int rotation = u16(token, 6) + u16(token, 4);
        byte[] body = rotateLeft(Arrays.copyOfRange(token, HEADER, token.length), rotation);
        System.arraycopy(body, 0, token, HEADER, body.length);
        token[6] = 0;
        token[7] = 0;
        return token;
    }

    private static void requireCfx(byte[] token) {
        if (token.length < HEADER || token[0] != 0x05 || token[1] != 0x04) {
            throw new IllegalArgumentException("Kerberos: not an RFC 4121 wrap token (an AES session key is "
                    + "needed for WinRM message encryption; RC4 and DES are not supported)");
        }
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    static byte[] rotateRight(byte[] data, int count) {
        if (data.length == 0) {
            return data;
        }
        int n = count % data.length;
        byte[] out = new byte[data.length];
        System.arraycopy(data, data.length - n, out, 0, n);
        System.arraycopy(data, 0, out, n, data.length - n);
        return out;
    }

    static byte[] rotateLeft(byte[] data, int count) {
        return data.length == 0 ? data : rotateRight(data, data.length - count % data.length);
    }
}
