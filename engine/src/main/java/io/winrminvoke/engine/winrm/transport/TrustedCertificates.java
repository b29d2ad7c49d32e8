package io.winrminvoke.engine.winrm.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Trust anchors for one client: the JVM's, optionally plus CAs from a PEM file. */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /** The JVM's default trust managers (cacerts or javax.net.ssl.trustStore), unmodified. */
    static TrustManager[] jvmDefault() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return factory.getTrustManagers();
    }

    /**
     * The JVM's trust anchors plus every certificate in {@code pemFile}, so hosts signed by a
     * public CA and hosts signed by the private one both verify.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or holds no certificate
     */
    static TrustManager[] jvmDefaultPlus(Path pemFile) throws GeneralSecurityException {
        List<X509Certificate> privateCas = readPem(pemFile);
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            anchors.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an empty key store", e);
        }
        int index = 0;
        for (TrustManager manager : jvmDefault()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate issuer : x509.getAcceptedIssuers()) {
                    anchors.setCertificateEntry("jvm-" + index++, issuer);
                }
            }
        }
        for (X509Certificate ca : privateCas) {
            anchors.setCertificateEntry("private-ca-" + index++, ca);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        return factory.getTrustManagers();
    }

    private static List<X509Certificate> readPem(Path pemFile) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("trusted CA file " + pemFile + " cannot be read as PEM certificates: "
                    + e.getMessage(), e);
        }
        List<X509Certificate> result = new ArrayList<>();
        for (Certificate certificate : certificates) {
            if (certificate instanceof X509Certificate x509) {
                result.add(x509);
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("trusted CA file " + pemFile
                    + " contains no certificate (expected PEM blocks: -----BEGIN CERTIFICATE-----)");
        }
        return result;
    }
}
