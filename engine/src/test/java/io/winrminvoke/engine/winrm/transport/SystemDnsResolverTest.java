package io.winrminvoke.engine.winrm.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.Test;

class SystemDnsResolverTest {

    @Test
    void listsTheSameSocketAddressesAsHttpClientsResolver() throws Exception {
        for (String host : new String[] {"127.0.0.1", "::1", "[::1]", "localhost"}) {
            assertThat(SystemDnsResolver.INSTANCE.resolve(host, 5985)).as(host)
                    .containsExactlyElementsOf(SystemDefaultDnsResolver.INSTANCE.resolve(host, 5985))
                    .isNotEmpty()
                    .extracting(InetSocketAddress::getPort).containsOnly(5985);
        }
    }

    @Test
    void anUnknownHostIsUnknownAsBefore() {
        assertThatThrownBy(() -> SystemDnsResolver.INSTANCE.resolve("no-such-host.invalid", 5985))
                .isInstanceOf(UnknownHostException.class);
    }
}
