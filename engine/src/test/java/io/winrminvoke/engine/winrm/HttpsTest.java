package io.winrminvoke.engine.winrm;

import static io.winrminvoke.engine.winrm.SimulatorConnections.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.TlsMode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS verifies the host by default; a private CA can be trusted without switching
 * verification off; insecure mode is per client and leaves the JVM's TLS defaults alone.
 */
class HttpsTest {

    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(2);

    private static SimulatedFleet caSigned;
    private static SimulatedFleet selfSigned;

    @TempDir
    static Path files;

    @BeforeAll
    static void startFleets() {
        caSigned = SimulatedFleet.start(fleet(TlsMode.CA_SIGNED));
        selfSigned = SimulatedFleet.start(fleet(TlsMode.SELF_SIGNED));
    }

    private static FleetConfig fleet(TlsMode mode) {
        return FleetConfig.builder().hosts(1).user(SimulatorConnections.USER).password(SimulatorConnections.PASSWORD)
                .https(true).tlsMode(mode).clockScale(0.01).build();
    }

    @AfterAll
    static void stopFleets() {
        caSigned.close();
        selfSigned.close();
    }

    private static String echo(SimulatedFleet fleet, TlsSettings tls) throws WinRmException {
        CollectingSink sink = new CollectingSink();
        try (WinRsClient client = WinRsClients.connect(settings(fleet.host(0), OPERATION_TIMEOUT, tls));
             RemoteCommand remote = client.start("echo over-tls", List.of(), false)) {
            assertThat(remote.awaitExit(sink, null)).isZero();
        }
        return sink.stdoutText();
    }

    private static Path pem(String name, String pem) throws Exception {
        Path file = files.resolve(name);
        Files.writeString(file, pem);
        return file;
    }

    @Test
    void selfSignedCertificateFailsVerificationByDefault() {
        WinRmException e = catchThrowableOfType(WinRmException.class, () -> echo(selfSigned, TlsSettings.verifying()));

        assertThat(e.kind()).isEqualTo(FailureKind.TLS_FAILED);
        assertThat(e.commandStarted()).isFalse();
    }

    @Test
    void privateCaIsNotTrustedByDefault() {
        WinRmException e = catchThrowableOfType(WinRmException.class, () -> echo(caSigned, TlsSettings.verifying()));

        assertThat(e.kind()).isEqualTo(FailureKind.TLS_FAILED);
    }

    @Test
    void trustingThePrivateCaPemSucceeds() throws Exception {
        Path ca = pem("ca.pem", caSigned.tls().caCertificatePem());

        assertThat(echo(caSigned, new TlsSettings(ca, false))).isEqualTo("over-tls\n");
    }

    @Test
    void trustingTheSelfSignedCertificateItselfSucceeds() throws Exception {
        Path cert = pem("self.pem", selfSigned.tls().caCertificatePem());

        assertThat(echo(selfSigned, new TlsSettings(cert, false))).isEqualTo("over-tls\n");
    }

    @Test
    void trustingAnotherCaKeepsVerificationOn() throws Exception {
        Path unrelated = pem("unrelated.pem", selfSigned.tls().caCertificatePem());

        WinRmException e = catchThrowableOfType(WinRmException.class,
                () -> echo(caSigned, new TlsSettings(unrelated, false)));

        assertThat(e.kind()).isEqualTo(FailureKind.TLS_FAILED);
    }

    @Test
    void trustedCertificateForAnotherNameFailsHostNameVerification() throws Exception {
        Path ca = pem("ca-for-names.pem", caSigned.tls().caCertificatePem());
        // The machine's own name reaches the simulator where it resolves to 127.0.0.1, but the
        // certificate names only 127.0.0.1 and localhost.
        String machineName = InetAddress.getLocalHost().getHostName();
        assumeTrue(InetAddress.getByName(machineName).isLoopbackAddress()
                        && InetAddress.getByName(machineName).getHostAddress().equals("127.0.0.1")
                        && !machineName.equals("localhost"),
                "this machine's name (" + machineName + ") does not resolve to 127.0.0.1");
        ConnectionSettings otherName = new ConnectionSettings(machineName, caSigned.host(0).port(), true,
                SimulatorConnections.USER, SimulatorConnections.PASSWORD, SimulatorConnections.CONNECT_TIMEOUT,
                OPERATION_TIMEOUT, 65001, new TlsSettings(ca, false), AuthSettings.of(AuthMethod.BASIC));

        WinRmException e = catchThrowableOfType(WinRmException.class, () -> {
            try (WinRsClient client = WinRsClients.connect(otherName)) {
                client.start("echo never", List.of(), false).close();
            }
        });

        assertThat(e.kind()).isEqualTo(FailureKind.TLS_FAILED);
        assertThat(e.getMessage()).contains(machineName);
    }

    @Test
    void insecureModeConnectsWithoutTouchingTheJvmDefaults() throws Exception {
        SSLContext defaultContext = SSLContext.getDefault();
        var defaultSocketFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        var defaultVerifier = HttpsURLConnection.getDefaultHostnameVerifier();

        assertThat(echo(selfSigned, new TlsSettings(null, true))).isEqualTo("over-tls\n");

        assertThat(SSLContext.getDefault()).isSameAs(defaultContext);
        assertThat(HttpsURLConnection.getDefaultSSLSocketFactory()).isSameAs(defaultSocketFactory);
        assertThat(HttpsURLConnection.getDefaultHostnameVerifier()).isSameAs(defaultVerifier);
        // and a verifying client created afterwards still verifies
        assertThat(catchThrowableOfType(WinRmException.class, () -> echo(selfSigned, TlsSettings.verifying())).kind())
                .isEqualTo(FailureKind.TLS_FAILED);
    }

    @Test
    void unreadableCaFileIsRefusedUpFrontNamingTheFile() throws Exception {
        Path notPem = pem("not-a-cert.pem", "hello\n");

        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> WinRsClients.validate(new TlsSettings(notPem, false)));

        assertThat(e).hasMessageContaining(notPem.toString());
    }
}
