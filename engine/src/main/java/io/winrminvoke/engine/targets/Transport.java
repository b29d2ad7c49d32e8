package io.winrminvoke.engine.targets;

import io.winrminvoke.engine.InvalidInputException;
import java.util.Locale;

/** How a host is reached: WinRM (WS-Management over HTTP(S)) or SSH. */
public enum Transport {
    /** WS-Management WinRS, the engine's own client (docs/engine.md). */
    WINRM("winrm"),
    /** An SSH exec channel: Windows OpenSSH or any other SSH server (docs/ssh.md). */
    SSH("ssh");

    /** The port sshd listens on by convention. */
    public static final int SSH_PORT = 22;

    private final String scheme;

    Transport(String scheme) {
        this.scheme = scheme;
    }

    /** The name used in options and as the {@code scheme://} prefix of a host entry. */
    public String scheme() {
        return scheme;
    }

    /**
     * The transport a user named, for the CLI and the plugin alike: {@code winrm} or {@code ssh},
     * in any case.
     *
     * @throws InvalidInputException naming {@code option}, the value and what is allowed
     */
    public static Transport parse(String value, String option) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Transport t : values()) {
            if (t.scheme.equals(v)) {
                return t;
            }
        }
        throw InvalidInputException.forOption(option, value, "winrm or ssh");
    }
}
