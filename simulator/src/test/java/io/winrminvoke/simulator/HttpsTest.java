package io.winrminvoke.simulator;

import io.winrminvoke.simulator.scenario.Scenario;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpsTest {
    @Test
    void caSignedEndpointIsTrustedThroughTheGeneratedCaPemOnly() throws Exception {
        try (SimulatedFleet fleet = SimulatedFleet.start(FleetConfig.builder().hosts(2).password("s3cret").https(true)
                .scenario(Scenario.fromJson("{\"hosts\": {\"1\": {\"requireHttps\": true}}}")).build())) {
            assertThat(fleet.host(0).endpoint().toString()).startsWith("https://127.0.0.1:");
            X509Certificate ca = parsePem(fleet.tls().caCertificatePem());
            assertThat(ca.getSubjectX500Principal().getName()).contains("winrm-simulator test CA");
            assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
            fleet.tls().serverCertificate().verify(ca.getPublicKey());

            // the JDK client checks the host name too: the certificate must name 127.0.0.1
            WsmanTestClient trusting = new WsmanTestClient(fleet.host(0).endpoint(), "admin", "s3cret",
                    fleet.tls().clientContext());
            assertThat(trusting.run("echo secure").stdoutText()).isEqualTo("secure\n");

            WsmanTestClient requireHttps = new WsmanTestClient(fleet.host(1).endpoint(), "admin", "s3cret",
                    fleet.tls().clientContext());
            assertThat(requireHttps.delete(requireHttps.openShell()).status()).isEqualTo(200);

            WsmanTestClient defaultTrust = new WsmanTestClient(fleet.host(0).endpoint(), "admin", "s3cret",
                    SSLContext.getDefault());
            assertThatThrownBy(defaultTrust::create).hasCauseInstanceOf(SSLHandshakeException.class)
                    .rootCause().hasMessageContaining("unable to find valid certification path");
        }
    }

    @Test
    void selfSignedEndpointPresentsItsOwnCertificate() throws Exception {
        try (SimulatedFleet fleet = SimulatedFleet.start(FleetConfig.builder().hosts(1).password("s3cret").https(true)
                .tlsMode(TlsMode.SELF_SIGNED).build())) {
            X509Certificate cert = parsePem(fleet.tls().serverCertificatePem());
            assertThat(cert.getSubjectX500Principal()).isEqualTo(cert.getIssuerX500Principal());
            assertThat(fleet.tls().caCertificatePem()).isEqualTo(fleet.tls().serverCertificatePem());
            WsmanTestClient c = new WsmanTestClient(fleet.host(0).endpoint(), "admin", "s3cret",
                    fleet.tls().clientContext());
            assertThat(c.run("echo self").stdoutText()).isEqualTo("self\n");
        }
    }

    @Test
    void httpFleetHasNoCertificates() {
        try (SimulatedFleet fleet = SimulatedFleet.start(FleetConfig.builder().password("s3cret").build())) {
            assertThatThrownBy(fleet::tls).isInstanceOf(IllegalStateException.class);
        }
    }

    private static X509Certificate parsePem(String pem) throws Exception {
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
