package io.winrminvoke.simulator;

import io.winrminvoke.simulator.auth.ConnectionSecurity;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as {@link HostEndpoint} sees it, and the way back on its connection. The HTTP
 * layer ({@link HostListener}) reads the whole request before handing it over, and answers each
 * connection's requests one at a time in order.
 */
interface Exchange {
    String method();

    /** The request target as sent, e.g. {@code /wsman}. */
    String uri();

    /** The path of {@link #uri()}, without a query. */
    String path();

    /** {@code HTTP/1.1} */
    String protocol();

    /** The first value of a header (names are case-insensitive), or null. */
    String header(String name);

    /** Every value of a header, in the order received; empty when absent. */
    List<String> headers(String name);

    /** Every header line as received, in order, for the wire log. */
    List<Map.Entry<String, String>> headerLines();

    byte[] body();

    /**
     * When the whole request had been read, on the event loop: the request log's time, so that
     * a request that arrived before another is logged before it even when a request thread takes
     * it up later (a Receive cut by the client's stop, then its Signal and Delete).
     */
    Instant arrived();

    InetSocketAddress remoteAddress();

    /** The security state of the TCP connection the request came on; it ends with the connection. */
    ConnectionSecurity connection();

    /** Sends a complete answer; {@code Content-Length} and {@code Date} are added here. */
    void send(int status, List<Map.Entry<String, String>> headers, byte[] body);

    /**
     * Sends the status line, the headers with {@code body}'s full length, and only the first
     * {@code sent} bytes of it, then closes the connection: a peer dropping mid-response.
     */
    void sendPartlyAndClose(int status, List<Map.Entry<String, String>> headers, byte[] body, int sent);
}
