package io.winrminvoke.engine.winrm.transport.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * RFC 5929 {@code tls-server-end-point} channel bindings: the hash of the host's certificate as
 * this very connection received it, with the hash of the certificate's own signature algorithm,
 * SHA-256 in place of MD5 and SHA-1. Windows compares it with its own certificate's when
 * CbtHardeningLevel asks for it, so a TLS-intercepting proxy cannot relay our authentication.
 */
public final class ServerEndPoint {

    private static final String PREFIX = "tls-server-end-point:";

    private ServerEndPoint() {
    }

    /** The bindings of a TLS session, or {@link ChannelBindings#NONE} when there is none (plain HTTP). */
    public static ChannelBindings bindings(SSLSession session) throws AuthProtocolException {
        if (session == null) {
            return ChannelBindings.NONE;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
                throw new AuthProtocolException("the host sent no X.509 certificate to bind the authentication to");
            }
            return bindings(certificate);
        } catch (SSLPeerUnverifiedException e) {
            throw new AuthProtocolException("the host's certificate is not available for channel binding", e);
        }
    }

    static ChannelBindings bindings(X509Certificate certificate) throws AuthProtocolException {
        try {
            byte[] hash = MessageDigest.getInstance(hashOf(certificate.getSigAlgName())).digest(certificate.getEncoded());
            byte[] prefix = PREFIX.getBytes(StandardCharsets.US_ASCII);
            byte[] data = new byte[prefix.length + hash.length];
            System.arraycopy(prefix, 0, data, 0, prefix.length);
            System.arraycopy(hash, 0, data, prefix.length, hash.length);
            return new ChannelBindings(data);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new AuthProtocolException("cannot hash the host's certificate for channel binding: " + e.getMessage(), e);
        }
    }

    /** RFC 5929 section 4.1: the signature's hash, except MD5 and SHA-1 become SHA-256. */
    static String hashOf(String signatureAlgorithm) {
        String name = signatureAlgorithm.toUpperCase(Locale.ROOT).replace("-", "");
        if (name.startsWith("SHA384")) {
            return "SHA-384";
        }
        if (name.startsWith("SHA512")) {
            return "SHA-512";
        }
        if (name.startsWith("SHA224")) {
            return "SHA-224";
        }
        return "SHA-256";
    }
}
