package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The primitives NTLMv2 is built from (MS-NLMP 6): MD4 from Bouncy Castle's lightweight API (the
 * JDK has none it exports), MD5, HMAC-MD5 and RC4 from the JDK. Every JDK ships them, so a
 * missing algorithm is a broken runtime, not a condition to handle.
 */
final class NtlmCrypto {

    private NtlmCrypto() {
    }

    static byte[] md4(byte[] data) {
        MD4Digest digest = new MD4Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }

    static byte[] hmacMd5(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HMAC-MD5", e);
        }
    }

    /** An RC4 keystream that carries on from message to message, as NTLM's sealing handles do. */
    static Cipher rc4(byte[] key) {
        try {
            Cipher cipher = Cipher.getInstance("ARCFOUR");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no RC4 (ARCFOUR)", e);
        }
    }

    /** One-shot RC4 under a fresh key: the key exchange of MS-NLMP 3.1.5.1.2. */
    static byte[] rc4Once(byte[] key, byte[] data) {
        return rc4(key).update(data);
    }
}
