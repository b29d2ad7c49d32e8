package io.winrminvoke.engine.winrm.transport;

import io.winrminvoke.engine.winrm.TlsSettings;
import java.security.GeneralSecurityException;
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

    private TlsStrategies() {
    }

    /**
     * @throws IllegalArgumentException when the trusted CA file cannot be used; the message names it
     */
    public static TlsSocketStrategy forSettings(TlsSettings tls) {
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
