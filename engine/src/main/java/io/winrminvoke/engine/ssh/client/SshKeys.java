package io.winrminvoke.engine.ssh.client;

import io.winrminvoke.engine.ssh.SshPrivateKey;
import java.io.IOException;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.userauth.keyprovider.FileKeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyFormat;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyProviderUtil;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.PasswordUtils;

/** Reads private keys given as text, in every format sshj knows. Messages never quote the key. */
public final class SshKeys {

    private SshKeys() {
    }

    /** @throws IllegalArgumentException when the key cannot be read or decrypted */
    public static void validate(SshPrivateKey key) {
        KeyProvider provider = provider(key);
        try {
            provider.getPrivate();
            provider.getPublic();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(unreadable(key, e));
        }
    }

    /** A provider that decrypts the key when authentication first asks for it. */
    static KeyProvider provider(SshPrivateKey key) {
        try {
            KeyFormat format = KeyProviderUtil.detectKeyFileFormat(key.text(), false);
            FileKeyProvider provider = Factory.Named.Util.create(
                    SharedSshConfig.CONFIG.getFileKeyProviderFactories(), format.toString());
            if (provider == null) {
                throw new IllegalArgumentException("not a private key in a known format (OpenSSH, PEM/PKCS#8 or PuTTY)");
            }
            PasswordFinder passphrase = key.passphrase() == null ? null
                    : PasswordUtils.createOneOff(key.passphrase().toCharArray());
            provider.init(key.text(), null, passphrase);
            return provider;
        } catch (IOException e) {
            throw new IllegalArgumentException(unreadable(key, e));
        }
    }

    private static String unreadable(SshPrivateKey key, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (key.passphrase() == null && why.toLowerCase(java.util.Locale.ROOT).contains("passphrase")) {
            return "the private key is encrypted and no passphrase was given";
        }
        return "cannot read the private key: " + why.lines().findFirst().orElse(why);
    }
}
