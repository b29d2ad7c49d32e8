package io.winrminvoke.engine.winrm;

import java.nio.file.Path;

/**
 * How HTTPS connections verify the host. Default: the JVM's trust store and host name
 * verification. {@code trustedCaPem} adds a private CA without turning verification off;
 * {@code insecure} turns verification off entirely (never the default; reported loudly).
 */
public record TlsSettings(Path trustedCaPem, boolean insecure) {

    public static TlsSettings verifying() {
        return new TlsSettings(null, false);
    }
}
