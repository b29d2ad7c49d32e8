package io.winrminvoke.engine.ssh;

import java.util.Objects;

/**
 * A private key for SSH public-key authentication, as the text of its key file: OpenSSH
 * ({@code BEGIN OPENSSH PRIVATE KEY}), PEM/PKCS#8 or PuTTY. Never in toString, logs or reports.
 *
 * @param text       the key file's content
 * @param passphrase the key's passphrase, or null for an unencrypted key
 */
public record SshPrivateKey(String text, String passphrase) {

    public SshPrivateKey {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "SshPrivateKey[****" + (passphrase == null ? "" : ", passphrase=****") + "]";
    }
}
