package io.winrminvoke.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A port answers the wrong scheme as Windows does: HTTP.sys answers a TLS ClientHello on its
 * HTTP port with 400 "Invalid Verb" at once; its HTTPS port closes a plain request unanswered.
 */
class WrongSchemeTest {

    /** The first bytes of a TLS 1.2 ClientHello record (handshake, version 3.1, a length, ClientHello). */
    private static final byte[] CLIENT_HELLO_START = {0x16, 0x03, 0x01, 0x00, (byte) 0xc8, 0x01, 0x00, 0x00, (byte) 0xc4};

    private static SimulatedFleet http;
    private static SimulatedFleet https;

    @BeforeAll
    static void start() {
        http = SimulatedFleet.start(FleetConfig.builder().hosts(1).user("u").password("p").https(false).build());
        https = SimulatedFleet.start(FleetConfig.builder().hosts(1).user("u").password("p").https(true).build());
    }

    @AfterAll
    static void stop() {
        http.close();
        https.close();
    }

    @Test
    void aClientHelloOnTheHttpPortIsAnsweredBadRequestInvalidVerb() throws Exception {
        try (Socket s = new Socket(http.host(0).address(), http.host(0).port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(CLIENT_HELLO_START);
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .contains("Server: Microsoft-HTTPAPI/2.0").contains("Bad Request - Invalid Verb");
        }
    }

    @Test
    void plainHttpOnTheHttpsPortIsClosedUnanswered() throws Exception {
        try (Socket s = new Socket(https.host(0).address(), https.host(0).port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write("POST /wsman HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();

            assertThat(in.read()).isEqualTo(-1);
        }
    }
}
