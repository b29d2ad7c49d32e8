package io.winrminvoke.engine.targets;

import java.util.Objects;

/**
 * One host to run on, as the user named it. {@code host} is a DNS name, an IPv4 literal or an
 * IPv6 literal without brackets; {@code port} is 0 when the user gave none (the run's default
 * port applies); {@code transport} is null when the entry named none ({@code ssh://...} names
 * one; the run's transport applies otherwise). Built only by {@code TargetParser}, which validates.
 */
public record Target(String host, int port, Transport transport) {

    /** A target that uses the run's transport. */
    public Target(String host, int port) {
        this(host, port, null);
    }

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

    /** The transport for this target: its own, or {@code runDefault}. */
    public Transport transportOr(Transport runDefault) {
        return transport != null ? transport : runDefault;
    }

    /**
     * How the target is shown to users and written in reports: {@code host}, {@code host:port},
     * {@code [v6]:port}, with {@code scheme://} in front when the entry named its transport (so a
     * re-run from results.json reaches the host the same way).
     */
    public String display() {
        String scheme = transport == null ? "" : transport.scheme() + "://";
        if (!hasPort()) {
            return transport == null ? host : scheme + hostForUrl();
        }
        return scheme + hostForUrl() + ":" + port;
    }

    @Override
    public String toString() {
        return display();
    }
}
