package io.winrminvoke.simulator.auth.cbt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * The tls-server-end-point channel binding of RFC 5929 for one server certificate: the
 * application data GSS-API binds to, and its MD5 over the gss_channel_bindings_struct (addresses
 * empty), which is what NTLM's MsvAvChannelBindings and Kerberos' authenticator checksum carry.
 */
public final class ChannelBindings {
    private static final String PREFIX = "tls-server-end-point:";

    private final byte[] applicationData;

    private ChannelBindings(byte[] applicationData) {
        this.applicationData = applicationData;
    }

    public static ChannelBindings forCertificate(X509Certificate certificate) {
        try {
            byte[] hash = MessageDigest.getInstance(hashAlgorithm(certificate.getSigAlgName()))
                    .digest(certificate.getEncoded());
            byte[] prefix = PREFIX.getBytes(StandardCharsets.US_ASCII);
            byte[] data = new byte[prefix.length + hash.length];
            System.arraycopy(prefix, 0, data, 0, prefix.length);
            System.arraycopy(hash, 0, data, prefix.length, hash.length);
            return new ChannelBindings(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash the server certificate", e);
        }
    }

    /** RFC 5929 4.1: the certificate's signature hash, except that MD5 and SHA-1 become SHA-256. */
    static String hashAlgorithm(String signatureAlgorithm) {
        String s = signatureAlgorithm.toUpperCase(Locale.ROOT).replace("-", "");
        if (s.startsWith("SHA512")) {
            return "SHA-512";
        }
        if (s.startsWith("SHA384")) {
            return "SHA-384";
        }
        return "SHA-256";
    }

    /** {@code "tls-server-end-point:" + hash}, the application data of the bindings. */
    public byte[] applicationData() {
        return applicationData.clone();
    }

    /** MD5 of the gss_channel_bindings_struct with no addresses and this application data. */
    public byte[] md5Hash() {
        ByteBuffer b = ByteBuffer.allocate(20 + applicationData.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(0).putInt(0).putInt(0).putInt(applicationData.length).put(applicationData);
        try {
            return MessageDigest.getInstance("MD5").digest(b.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
