package io.winrminvoke.engine.ssh;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything needed to run one command on one host over SSH.
 *
 * @param host              DNS name or IP literal (IPv6 without brackets)
 * @param port              TCP port
 * @param user              login name
 * @param password          password (password and keyboard-interactive authentication), or null
 * @param key               private key (public-key authentication, tried first), or null
 * @param connectTimeout    TCP connect timeout, also the limit for each handshake and
 *                          authentication step
 * @param keepAliveInterval how often an idle connection asks the host whether it is still there;
 *                          five unanswered in a row end the attempt as NO_RESPONSE
 * @param hostKeys          how the host key is verified
 * @param notices           told what the run should report about this host (an unknown host key
 *                          accepted); called from the attempt's thread
 */
public record SshConnectionSettings(String host, int port, String user, String password, SshPrivateKey key,
                                    Duration connectTimeout, Duration keepAliveInterval, SshSettings hostKeys,
                                    Consumer<String> notices) {

    public SshConnectionSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        if (password == null && key == null) {
            throw new IllegalArgumentException("SSH needs a password or a private key");
        }
        hostKeys = hostKeys == null ? SshSettings.verifying() : hostKeys;
        notices = notices == null ? notice -> { } : notices;
    }

    /** {@code host:port} as OpenSSH writes it in known_hosts and messages ({@code [::1]:2222}). */
    public String endpoint() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "SshConnectionSettings[ssh://" + endpoint() + ", user=" + user
                + (password == null ? "" : ", password=****") + (key == null ? "" : ", key=****") + "]";
    }
}
