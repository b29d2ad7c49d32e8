package io.winrminvoke.engine.ssh;

import io.winrminvoke.engine.ssh.client.KnownHostsCheck;
import io.winrminvoke.engine.ssh.client.SshClient;
import io.winrminvoke.engine.ssh.client.SshKeys;
import io.winrminvoke.engine.winrm.WinRsClient;

/** Creates SSH clients. The only entry point to the SSH implementation. */
public final class SshClients {

    private SshClients() {
    }

    /**
     * A client for the host in {@code settings}: one SSH connection, one exec channel per
     * command, no terminal. Contacts nobody yet; the first {@code start} connects, verifies the
     * host key and authenticates.
     */
    public static WinRsClient connect(SshConnectionSettings settings) {
        return new SshClient(settings);
    }

    /**
     * Checks host key settings before any host is contacted: the known_hosts file exists and is
     * readable (a missing file is allowed only when unknown host keys are accepted).
     *
     * @throws IllegalArgumentException naming the file and the problem
     */
    public static void validate(SshSettings settings) {
        KnownHostsCheck.validate(settings);
    }

    /**
     * Checks that a private key can be read (format known, passphrase right) before any host is
     * contacted.
     *
     * @throws IllegalArgumentException saying why; never quotes the key
     */
    public static void validate(SshPrivateKey key) {
        SshKeys.validate(key);
    }
}
