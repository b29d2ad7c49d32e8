package io.winrminvoke.simulator.auth.spnego;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import java.util.Arrays;

/**
 * The InitialContextToken framing of RFC 2743 3.1: {@code [APPLICATION 0] { mech OID, inner token }},
 * which starts every first token of SPNEGO and of raw Kerberos.
 */
public record GssFraming(String mechanism, byte[] innerToken) {
    /** SPNEGO, RFC 4178. */
    public static final String SPNEGO = "1.3.6.1.5.5.2";
    /** Kerberos 5, RFC 1964. */
    public static final String KERBEROS = "1.2.840.113554.1.2.2";
    /** The OID Windows puts first for Kerberos (a historical mis-encoding, treated as Kerberos). */
    public static final String KERBEROS_MICROSOFT = "1.2.840.48018.1.2.2";
    /** NTLMSSP inside SPNEGO. */
    public static final String NTLM = "1.3.6.1.4.1.311.2.2.10";

    /** The framing of {@code token}, or null when it is not an InitialContextToken. */
    public static GssFraming parse(byte[] token) {
        if (token.length < 2 || (token[0] & 0xFF) != 0x60) {
            return null;
        }
        int[] pos = {1};
        int length = derLength(token, pos);
        if (length < 0 || pos[0] + length != token.length || pos[0] >= token.length || token[pos[0]] != 0x06) {
            return null;
        }
        int oidStart = pos[0];
        pos[0]++;
        int oidLength = derLength(token, pos);
        if (oidLength < 0 || pos[0] + oidLength > token.length) {
            return null;
        }
        int oidEnd = pos[0] + oidLength;
        String oid;
        try {
            oid = ASN1ObjectIdentifier.getInstance(Arrays.copyOfRange(token, oidStart, oidEnd)).getId();
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new GssFraming(oid, Arrays.copyOfRange(token, oidEnd, token.length));
    }

    private static int derLength(byte[] b, int[] pos) {
        if (pos[0] >= b.length) {
            return -1;
        }
        int first = b[pos[0]++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7F;
        if (n == 0 || n > 4 || pos[0] + n > b.length) {
            return -1;
        }
        long len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (b[pos[0]++] & 0xFF);
        }
        return len > Integer.MAX_VALUE ? -1 : (int) len;
    }
}
