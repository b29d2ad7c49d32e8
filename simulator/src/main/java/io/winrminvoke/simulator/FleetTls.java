package io.winrminvoke.simulator;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The certificates of a fleet's HTTPS endpoints, generated at start-up: a CA and a server
 * certificate it signed ({@link TlsMode#CA_SIGNED}), or a self-signed server certificate. The
 * server certificate names 127.0.0.1 and localhost.
 */
public final class FleetTls {
    private static final char[] KEY_PASSWORD = "simulator".toCharArray();

    private final TlsMode mode;
    private final X509Certificate caCertificate;
    private final X509Certificate serverCertificate;
    private final SSLContext serverContext;

    private FleetTls(TlsMode mode, X509Certificate ca, X509Certificate server, SSLContext serverContext) {
        this.mode = mode;
        this.caCertificate = ca;
        this.serverCertificate = server;
        this.serverContext = serverContext;
    }

    static FleetTls generate(TlsMode mode) {
        try {
            // EC P-256: generated in a millisecond where RSA-2048 can take seconds on a busy machine
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            KeyPair serverKeys = gen.generateKeyPair();
            X509Certificate ca;
            X509Certificate server;
            if (mode == TlsMode.CA_SIGNED) {
                KeyPair caKeys = gen.generateKeyPair();
                X500Name caName = new X500Name("CN=winrm-simulator test CA");
                ca = certificate(caName, caKeys, caName, caKeys, true);
                server = certificate(new X500Name("CN=127.0.0.1"), serverKeys, caName, caKeys, false);
            } else {
                X500Name name = new X500Name("CN=127.0.0.1");
                server = certificate(name, serverKeys, name, serverKeys, false);
                ca = server;
            }
            // JKS, not PKCS12: PKCS12 derives its protection keys with many PBKDF2 rounds, slow for a key that never leaves memory
            KeyStore keyStore = KeyStore.getInstance("JKS");
            keyStore.load(null, null);
            X509Certificate[] chain = mode == TlsMode.CA_SIGNED
                    ? new X509Certificate[] {server, ca} : new X509Certificate[] {server};
            keyStore.setKeyEntry("server", serverKeys.getPrivate(), KEY_PASSWORD, chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, KEY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, new SecureRandom());
            return new FleetTls(mode, ca, server, context);
        } catch (GeneralSecurityException | java.io.IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the simulator's TLS certificates", e);
        }
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer,
                                               KeyPair issuerKeys, boolean isCa)
            throws GeneralSecurityException, OperatorCreationException, java.io.IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                subject, subjectKeys.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (isCa) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
            if (issuerKeys != subjectKeys) {
                b.addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            }
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    public TlsMode mode() {
        return mode;
    }

    /**
     * PEM of the certificate a client must trust: the generated CA, or in {@link TlsMode#SELF_SIGNED}
     * mode the self-signed server certificate itself.
     */
    public String caCertificatePem() {
        return pem(caCertificate);
    }

    /** PEM of the certificate the endpoints present. */
    public String serverCertificatePem() {
        return pem(serverCertificate);
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    /** A trust store holding only {@link #caCertificate()}, for clients in tests. */
    public KeyStore trustStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("winrm-simulator-ca", caCertificate);
            return ks;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client SSLContext that trusts exactly {@link #caCertificate()}, for tests. */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    SSLContext serverContext() {
        return serverContext;
    }

    private static String pem(X509Certificate cert) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
