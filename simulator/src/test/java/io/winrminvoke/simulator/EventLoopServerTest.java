package io.winrminvoke.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every port of a fleet is served by one small event loop group: a fleet's thread count does not
 * grow with its hosts, a client's connection is the only TCP connection it takes (no relay), and
 * closing the fleet leaves no thread of it behind.
 */
class EventLoopServerTest {

    private SimulatedFleet fleet;

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void twoHundredHostsAddAFewThreadsNotOnePerPort() throws Exception {
        int before = Thread.activeCount();
        fleet = SimulatedFleet.start(FleetConfig.builder().hosts(200).user("u").password("p").build());
        for (SimulatedHost host : fleet.hosts()) {
            assertThat(get(host, true)).startsWith("HTTP/1.1 405 ");
        }
        int added = Thread.activeCount() - before;

        // the JDK server took a dispatcher thread per port, the HTTP.sys front an accept thread per port
        assertThat(added).as("threads added by a fleet of 200 hosts that each answered").isLessThan(40);
        assertThat(ioThreads()).hasSizeLessThanOrEqualTo(FleetNetwork.IO_THREADS);

        fleet.close();
        fleet = null;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!ioThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ioThreads()).as("event loop threads after close").isEmpty();
    }

    @Test
    void aClientConnectionIsTheOnlySocketItTakesEvenOnTheHttpPort() throws Exception {
        fleet = SimulatedFleet.start(FleetConfig.builder().hosts(1).user("u").password("p").https(false).build());
        SimulatedHost host = fleet.host(0);
        long before = openSockets();
        try (Socket s = new Socket(host.address(), host.port())) {
            s.setSoTimeout(5000);
            String first = exchange(s, false);
            String second = exchange(s, false); // kept alive: the same connection answers again

            assertThat(first).startsWith("HTTP/1.1 405 ").contains("Server: Microsoft-HTTPAPI/2.0");
            assertThat(second).startsWith("HTTP/1.1 405 ");
            // the client's socket and the server's end of it; the front had a relay connection too (two more)
            assertThat(openSockets() - before).isEqualTo(2);
        }
    }

    @Test
    void aClientHelloIsAnsweredInvalidVerbWithoutAnotherConnection() throws Exception {
        fleet = SimulatedFleet.start(FleetConfig.builder().hosts(1).user("u").password("p").https(false).build());
        SimulatedHost host = fleet.host(0);
        long before = openSockets();
        try (Socket s = new Socket(host.address(), host.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xc8, 0x01, 0x00, 0x00, (byte) 0xc4});
            long during = openSockets() - before;
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Bad Request - Invalid Verb");
            assertThat(during).isLessThanOrEqualTo(2);
        }
    }

    private static String get(SimulatedHost host, boolean close) throws IOException {
        try (Socket s = new Socket(host.address(), host.port())) {
            s.setSoTimeout(5000);
            return exchange(s, close);
        }
    }

    /** A GET of /wsman (405, no body), read up to the end of the headers. */
    private static String exchange(Socket s, boolean close) throws IOException {
        s.getOutputStream().write(("GET /wsman HTTP/1.1\r\nHost: x\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static List<String> ioThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(FleetNetwork.THREAD_PREFIX)).toList();
    }

    /** Sockets among this process's file descriptors (Linux). */
    private static long openSockets() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }
}
