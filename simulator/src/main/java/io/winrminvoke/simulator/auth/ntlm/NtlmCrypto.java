package io.winrminvoke.simulator.auth.ntlm;

import org.bouncycastle.crypto.digests.MD4Digest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;

/** The primitives MS-NLMP builds on (MD4, MD5, HMAC-MD5, RC4), in one place. */
final class NtlmCrypto {
    private NtlmCrypto() {
    }

    static byte[] md4(byte[] data) {
        MD4Digest d = new MD4Digest(); // the JDK has no public MD4
        d.update(data, 0, data.length);
        byte[] out = new byte[16];
        d.doFinal(out, 0);
        return out;
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmacMd5(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    /** NTOWFv2 (MS-NLMP 3.3.2): HMAC_MD5(MD4(UNICODE(password)), UNICODE(UPPER(user) + domain)). */
    static byte[] ntowfv2(String password, String user, String domain) {
        return hmacMd5(md4(utf16(password)), utf16(user.toUpperCase(Locale.ROOT) + domain));
    }

    /** A one-shot RC4 of {@code data} under {@code key}. */
    static byte[] rc4(byte[] key, byte[] data) {
        return new Rc4(key).apply(data);
    }
}
