package io.winrminvoke.engine.targets;

import java.util.Objects;

/**
 * One host to run on, as the user named it. {@code host} is a DNS name, an IPv4 literal or an
 * IPv6 literal without brackets; {@code port} is 0 when the user gave none (the run's default
 * port applies). Built only by {@code TargetParser}, which validates.
 */
public record Target(String host, int port) {

    public Target {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public boolean hasPort() {
        return port != 0;
    }

    /** The port to connect to: the target's own, or {@code defaultPort}. */
    public int portOr(int defaultPort) {
        return hasPort() ? port : defaultPort;
    }

    /** The host as it appears in a URL authority: IPv6 literals get brackets. */
    public String hostForUrl() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /** How the target is shown to users and written in reports: {@code host}, {@code host:port}, {@code [v6]:port}. */
    public String display() {
        if (!hasPort()) {
            return host;
        }
        return hostForUrl() + ":" + port;
    }

    @Override
    public String toString() {
        return display();
    }
}
