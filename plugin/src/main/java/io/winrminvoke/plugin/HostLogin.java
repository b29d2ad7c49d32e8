package io.winrminvoke.plugin;

import hudson.util.Secret;
import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.ssh.SshPrivateKey;
import io.winrminvoke.invocation.TemporaryKeytab;
import java.io.Serializable;

/**
 * What the hosts are logged in to with, as it travels to the agent inside the remoting channel
 * (docs/jenkins.md, Security: protected there only by the channel's own encryption): the user,
 * and a password, an SSH private key with its passphrase, or a Kerberos keytab. Resolved from
 * the build's credentials by {@link CredentialsLookup}; never written to disk except the keytab,
 * for the length of the run ({@link TemporaryKeytab}).
 *
 * @param usernameSecret the credential marks its username secret: masked like the password
 * @param password   null for an SSH key credential, and when a keytab logs in to the WinRM hosts
 * @param sshKey     the key file's text, or null
 * @param passphrase the key's passphrase, or null
 * @param keytab     the keytab's bytes, or null
 */
record HostLogin(String user, boolean usernameSecret, Secret password, Secret sshKey, Secret passphrase, byte[] keytab)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Masks the password and, when the credential says so, the username. */
    SecretMasker masker() {
        // of() skips a null secret: no password with an SSH key or a keytab
        return SecretMasker.of(plainPassword(), usernameSecret ? user : null);
    }

    String plainPassword() {
        return password == null ? null : password.getPlainText();
    }

    SshPrivateKey sshPrivateKey() {
        return sshKey == null ? null
                : new SshPrivateKey(sshKey.getPlainText(), passphrase == null ? null : passphrase.getPlainText());
    }

    @Override
    public String toString() {
        return "HostLogin[user=" + (usernameSecret ? "****" : user) + (password == null ? "" : ", password=****")
                + (sshKey == null ? "" : ", sshKey=****") + (keytab == null ? "" : ", keytab=****") + "]";
    }
}
