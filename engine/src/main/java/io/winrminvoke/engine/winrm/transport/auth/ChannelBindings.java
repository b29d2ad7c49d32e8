package io.winrminvoke.engine.winrm.transport.auth;

/**
 * The TLS channel a context is bound to (RFC 5929 {@code tls-server-end-point}): the
 * application data is {@code "tls-server-end-point:"} followed by the hash of the host's
 * certificate. Over plain HTTP there is none ({@link #NONE}).
 */
public record ChannelBindings(byte[] applicationData) {

    public static final ChannelBindings NONE = new ChannelBindings(null);

    public boolean present() {
        return applicationData != null;
    }
}
