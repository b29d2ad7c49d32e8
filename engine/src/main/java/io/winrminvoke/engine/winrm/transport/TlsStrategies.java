package io.winrminvoke.engine.winrm.transport;

import io.winrminvoke.engine.winrm.TlsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.ssl.SSLContextBuilder;

/**
 * Builds the TLS setup of one client from {@link TlsSettings}. Each client gets its own
 * SSLContext, so a private CA or insecure mode never leaks into the JVM's defaults (which other
 * code, e.g. the rest of Jenkins, relies on).
 */
public final class TlsStrategies {

    /**
     * Built once per distinct settings: a fleet run creates a client per host, and reading the
     * JVM's trust anchors into a new PKIX trust manager each time would cost more than the
     * handshake. Sharing the SSLContext also lets connections to a host resume TLS sessions.
     * A replaced CA file (newer modification time) is read again and replaces the entry, so a
     * long-lived JVM (a Jenkins agent) keeps one entry per settings, not one per file version.
     */
    private static final Map<TlsSettings, Built> BUILT = new ConcurrentHashMap<>();

    private record Built(FileTime caFileModified, TlsSocketStrategy strategy) {
    }

    /**
     * For plain-HTTP clients: refuses to upgrade a socket. The connection pool only asks for an
     * upgrade on an https route, which an HTTP client never has.
     */
    public static final TlsSocketStrategy NONE = (socket, target, port, attachment, context) -> {
        throw new IllegalStateException("TLS requested on a plain-HTTP WinRM client (" + target + ":" + port + ")");
    };

    private TlsStrategies() {
    }

    /**
     * @throws IllegalArgumentException when the trusted CA file cannot be used; the message names it
     */
    public static TlsSocketStrategy forSettings(TlsSettings tls) {
        FileTime modified = modified(tls.trustedCaPem());
        return BUILT.compute(tls, (key, built) -> built != null && Objects.equals(built.caFileModified(), modified)
                ? built : new Built(modified, build(key))).strategy();
    }

    private static FileTime modified(Path file) {
        try {
            return file == null ? null : Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null; // build() reports the unreadable file, naming it
        }
    }

    private static TlsSocketStrategy build(TlsSettings tls) {
        try {
            if (tls.insecure()) {
                SSLContext context = SSLContextBuilder.create().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
                return new DefaultClientTlsStrategy(context, NoopHostnameVerifier.INSTANCE);
            }
            TrustManager[] trust = tls.trustedCaPem() == null
                    ? TrustedCertificates.jvmDefault()
                    : TrustedCertificates.jvmDefaultPlus(tls.trustedCaPem());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            HostnameVerifier verifier = HttpsSupport.getDefaultHostnameVerifier();
            return new DefaultClientTlsStrategy(context, verifier);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Checks that {@code tls} can be used (the CA file reads), before any host is contacted. */
    public static void validate(TlsSettings tls) {
        forSettings(tls);
    }
}
