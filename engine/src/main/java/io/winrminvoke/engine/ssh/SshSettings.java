package io.winrminvoke.engine.ssh;

import java.nio.file.Path;

/**
 * How SSH hosts prove who they are. Default: their host key must be listed in
 * {@code ~/.ssh/known_hosts}. {@code knownHosts} names another file (OpenSSH's format, hashed
 * entries included); {@code acceptUnknownHostKey} accepts a host that file does not list, and
 * the run says so for each such host (never the default). A host listed with a different key is
 * refused either way: that is what an impostor looks like.
 */
public record SshSettings(Path knownHosts, boolean acceptUnknownHostKey) {

    public static SshSettings verifying() {
        return new SshSettings(null, false);
    }

    /** The file host keys are checked against: {@link #knownHosts}, or the user's {@code ~/.ssh/known_hosts}. */
    public Path knownHostsFile() {
        return knownHosts != null ? knownHosts : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    }
}
