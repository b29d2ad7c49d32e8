package io.winrminvoke.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code httpFront(false)} ({@code --no-http-front}, what the benchmark starts): a plain-HTTP host
 * listens with its HTTP server itself, so a client's connection is the only TCP connection and no
 * relay thread runs; the price is HTTP.sys's answer to TLS bytes, which only the front gives.
 */
class NoHttpFrontTest {

    private SimulatedFleet fleet;

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static List<String> relayThreads(SimulatedFleet fleet) {
        String name = fleet.host(0).name();
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.equals(name + "-accept") || n.equals(name + "-conn") || n.equals(name + "-back"))
                .toList();
    }

    private static String post(SimulatedHost host) throws Exception {
        try (Socket s = new Socket(host.address(), host.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("POST /wsman HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void withoutTheFrontTheHostsServerAnswersOnItsPortAndNoRelayRuns() throws Exception {
        fleet = SimulatedFleet.start(FleetConfig.builder().hosts(1).user("u").password("p").httpFront(false).build());

        assertThat(post(fleet.host(0))).startsWith("HTTP/1.1 ");
        assertThat(relayThreads(fleet)).isEmpty();
    }

    @Test
    void withTheFrontByDefaultItsAcceptThreadListens() throws Exception {
        fleet = SimulatedFleet.start(FleetConfig.builder().hosts(1).user("u").password("p").build());

        assertThat(post(fleet.host(0))).startsWith("HTTP/1.1 ");
        assertThat(relayThreads(fleet)).contains(fleet.host(0).name() + "-accept");
    }

    @Test
    void withoutTheFrontTlsBytesGetNoInvalidVerbAnswer() throws Exception {
        fleet = SimulatedFleet.start(FleetConfig.builder().hosts(1).user("u").password("p").httpFront(false).build());
        try (Socket s = new Socket(fleet.host(0).address(), fleet.host(0).port())) {
            s.setSoTimeout(1000);
            s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xc8, 0x01, 0x00, 0x00, (byte) 0xc4});
            String answer;
            try {
                answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            } catch (SocketTimeoutException waiting) {
                answer = ""; // the JDK server waits for a line end, as documented
            }
            assertThat(answer).doesNotContain("Invalid Verb");
        }
    }
}
