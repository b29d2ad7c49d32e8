package io.winrminvoke.simulator.auth.kerberos;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Decryption for the Kerberos enctypes aes128/aes256-cts-hmac-sha1-96 (RFC 3961 key derivation,
 * RFC 3962), enough to read an AP-REQ's authenticator with the service key. The JDK does this
 * too, but not where the acceptor can see the authenticator's channel bindings.
 */
final class AesCtsHmacSha1 {
    static final int AES128 = 17;
    static final int AES256 = 18;
    private static final int BLOCK = 16;
    private static final int MAC = 12;

    private AesCtsHmacSha1() {
    }

    /** The plaintext of {@code cipher} for key usage {@code usage} (confounder dropped, integrity checked). */
    static byte[] decrypt(byte[] key, int usage, byte[] cipher) {
        if (cipher.length < BLOCK + MAC) {
            throw new KerberosException("ciphertext too short for AES-CTS-HMAC-SHA1-96", null);
        }
        try {
            byte[] ke = derive(key, usage, (byte) 0xAA);
            byte[] ki = derive(key, usage, (byte) 0x55);
            byte[] body = Arrays.copyOf(cipher, cipher.length - MAC);
            byte[] plain;
            if (body.length == BLOCK) {
                Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
                ecb.init(Cipher.DECRYPT_MODE, new SecretKeySpec(ke, "AES"));
                plain = ecb.doFinal(body);
            } else {
                Cipher cts = Cipher.getInstance("AES/CTS/NoPadding");
                cts.init(Cipher.DECRYPT_MODE, new SecretKeySpec(ke, "AES"), new IvParameterSpec(new byte[BLOCK]));
                plain = cts.doFinal(body);
            }
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(ki, "HmacSHA1"));
            byte[] expected = Arrays.copyOf(hmac.doFinal(plain), MAC);
            if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(cipher, cipher.length - MAC, cipher.length))) {
                throw new KerberosException("integrity check failed (wrong service key?)", null);
            }
            return Arrays.copyOfRange(plain, BLOCK, plain.length);
        } catch (GeneralSecurityException e) {
            throw new KerberosException("AES decryption failed: " + e.getMessage(), e);
        }
    }

    /** DK(key, usage | kind) of RFC 3961 5.1: n-fold the constant, then AES-encrypt it repeatedly. */
    private static byte[] derive(byte[] key, int usage, byte kind) throws GeneralSecurityException {
        byte[] constant = {(byte) (usage >>> 24), (byte) (usage >>> 16), (byte) (usage >>> 8), (byte) usage, kind};
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        byte[] out = new byte[key.length];
        byte[] block = nfold(constant, BLOCK);
        for (int filled = 0; filled < out.length; filled += BLOCK) {
            block = aes.doFinal(block);
            System.arraycopy(block, 0, out, filled, Math.min(BLOCK, out.length - filled));
        }
        return out;
    }

    /** n-fold of RFC 3961 5.1: copies rotated right by 13 bits each, to the lcm length, added in ones' complement. */
    static byte[] nfold(byte[] in, int outLength) {
        int inBits = in.length * 8;
        int lcm = lcm(in.length, outLength);
        byte[] all = new byte[lcm];
        for (int i = 0; i < lcm; i++) {
            int rotation = 13 * (i / in.length);
            int bitStart = Math.floorMod((i % in.length) * 8 - rotation, inBits);
            int value = 0;
            for (int b = 0; b < 8; b++) {
                int bit = (bitStart + b) % inBits;
                value = (value << 1) | ((in[bit / 8] >> (7 - bit % 8)) & 1);
            }
            all[i] = (byte) value;
        }
        int outBits = outLength * 8;
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < lcm; i += outLength) {
            sum = sum.add(new BigInteger(1, Arrays.copyOfRange(all, i, i + outLength)));
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(outBits).subtract(BigInteger.ONE);
        while (sum.bitLength() > outBits) {
            sum = sum.and(mask).add(sum.shiftRight(outBits));
        }
        byte[] raw = sum.toByteArray();
        byte[] out = new byte[outLength];
        int n = Math.min(raw.length, outLength);
        System.arraycopy(raw, raw.length - n, out, outLength - n, n);
        return out;
    }

    private static int lcm(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }
}
