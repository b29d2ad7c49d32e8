package io.winrminvoke.engine.winrm.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * HttpClient's system resolver, with the socket addresses of a host listed in a loop: its
 * default {@code resolve(host, port)} builds them with a stream, which cost 6 % of the client's
 * Java samples in a fleet of short commands (one connect per host, compiled by C1 only).
 */
final class SystemDnsResolver implements DnsResolver {

    static final SystemDnsResolver INSTANCE = new SystemDnsResolver();

    private SystemDnsResolver() {
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolve(host);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        InetAddress[] addresses = resolve(host);
        if (addresses == null) {
            return List.of(InetSocketAddress.createUnresolved(host, port));
        }
        List<InetSocketAddress> endpoints = new ArrayList<>(addresses.length);
        for (InetAddress address : addresses) {
            endpoints.add(new InetSocketAddress(address, port));
        }
        return endpoints;
    }
}
