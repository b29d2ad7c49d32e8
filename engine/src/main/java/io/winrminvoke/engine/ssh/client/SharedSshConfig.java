package io.winrminvoke.engine.ssh.client;

import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;

/**
 * The sshj configuration every connection shares: built once, on first SSH use (it probes the
 * JCE for ciphers, which a WinRM-only run need not pay for), never changed afterwards.
 */
final class SharedSshConfig {

    /** Keep-alives that expect an answer: a host that stops answering ends the attempt. */
    static final Config CONFIG = build();

    private SharedSshConfig() {
    }

    private static Config build() {
        DefaultConfig config = new DefaultConfig();
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        return config;
    }
}
