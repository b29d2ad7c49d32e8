package io.winrminvoke.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.winrminvoke.simulator.scenario.AuthMode;
import io.winrminvoke.simulator.scenario.HostBehaviour;
import io.winrminvoke.simulator.wsman.MalformedRequestException;
import io.winrminvoke.simulator.wsman.WsmanFault;
import io.winrminvoke.simulator.wsman.WsmanRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP side of one simulated host: latency, authentication the way Windows answers it,
 * request-numbered faults and drops from the scenario, then the WinRS service; every request is
 * logged.
 */
final class HostEndpoint implements HttpHandler {
    private static final String CONTENT_TYPE = "application/soap+xml;charset=UTF-8";

    private final SimulatedHost host;
    private final HostBehaviour behaviour;
    private final WinRsService service;
    private final SimulatorClock clock;
    private final RequestLog log;
    private final String user;
    private final String password;
    private final AtomicLong requestNumber = new AtomicLong();

    HostEndpoint(SimulatedHost host, HostBehaviour behaviour, WinRsService service, SimulatorClock clock,
                 RequestLog log, String user, String fleetPassword) {
        this.host = host;
        this.behaviour = behaviour;
        this.service = service;
        this.clock = clock;
        this.log = log;
        this.user = user;
        this.password = behaviour.password() != null ? behaviour.password() : fleetPassword;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        Instant time = Instant.now();
        ExchangeRecord record = new ExchangeRecord();
        Reply reply;
        boolean drop;
        try {
            host.countersInternal().requestReceived();
            long n = requestNumber.incrementAndGet();
            reply = answer(ex, record, n);
            drop = behaviour.dropOnRequest() != null && behaviour.dropOnRequest() == n;
        } catch (IOException | RuntimeException e) {
            log(record, 0, time);
            throw e;
        }
        // logged before the client can see the answer, so a test that just got it finds the entry
        log(record, drop ? 0 : reply.status(), time);
        if (drop) {
            dropMidResponse(ex, reply);
        } else {
            send(ex, reply);
        }
    }

    private Reply answer(HttpExchange ex, ExchangeRecord record, long n) throws IOException {
        long limit = behaviour.maxEnvelopeSizeKb() * 1024L;
        byte[] body = readBody(ex.getRequestBody(), limit);
        clock.sleep(behaviour.latency());
        WsmanRequest request;
        try {
            request = body == null ? null : WsmanRequest.parse(body);
            if (request != null) {
                record.operation = request.action().operation();
                record.shellId = request.shellId();
            }
        } catch (MalformedRequestException e) {
            request = null;
        }
        if (!"/wsman".equals(ex.getRequestURI().getPath())) {
            return new Reply(404, new byte[0]);
        } else if (!"POST".equals(ex.getRequestMethod())) {
            return new Reply(405, new byte[0]);
        } else if (!authorized(ex)) {
            return unauthorized(ex);
        } else if (behaviour.faultOnRequest() != null && behaviour.faultOnRequest().n() == n) {
            return injectedFault(request, record, behaviour.faultOnRequest().fault());
        } else if (body == null) {
            return service.fault(null, record, WsmanFault.EncodingLimit, null,
                    "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/ServiceEnvelopeLimit");
        } else if (request == null) {
            return service.fault(null, record, WsmanFault.InvalidMessage, null, null);
        }
        return service.handle(request, host.endpoint().toString(),
                ex.getRemoteAddress().getAddress().getHostAddress(), record);
    }

    private void log(ExchangeRecord record, int status, Instant time) {
        log.add(new RequestLogEntry(host.name(), record.operation, record.shellId, record.commandId,
                record.commandLine, record.decodedScript, record.signalCode, record.stdinBase64, record.fault,
                status, time));
    }

    private Reply injectedFault(WsmanRequest request, ExchangeRecord record, WsmanFault fault) {
        String detail = switch (fault) {
            case QuotaLimit -> Integer.toString(behaviour.maxShellsPerUser());
            case QuotaLimitOperations -> Integer.toString(behaviour.maxConcurrentOperationsPerUser());
            default -> record.shellId;
        };
        return service.fault(request, record, fault, detail, null);
    }

    /** The body, or null when it is longer than {@code limit} (the rest is read and discarded). */
    private static byte[] readBody(InputStream in, long limit) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                in.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            return bytes;
        }
    }

    private boolean authorized(HttpExchange ex) {
        if (behaviour.auth() == AuthMode.NEGOTIATE_ONLY) {
            return false;
        }
        if (behaviour.requireHttps() && !host.https()) {
            // AllowUnencrypted=false: Basic over plain HTTP is refused, whatever the credentials
            return false;
        }
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && decoded.substring(0, colon).equalsIgnoreCase(user)
                && decoded.substring(colon + 1).equals(password);
    }

    /** 401 with an empty body and one WWW-Authenticate header per scheme the host offers. */
    private Reply unauthorized(HttpExchange ex) {
        ex.getResponseHeaders().add("WWW-Authenticate", "Negotiate");
        boolean basicOffered = behaviour.auth() == AuthMode.BASIC && !(behaviour.requireHttps() && !host.https());
        if (basicOffered) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"WSMAN\"");
        }
        return new Reply(401, new byte[0]);
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        ex.getResponseHeaders().set("Server", "Microsoft-HTTPAPI/2.0");
        if (reply.body().length == 0) {
            ex.sendResponseHeaders(reply.status(), -1);
            ex.close();
            return;
        }
        ex.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        ex.sendResponseHeaders(reply.status(), reply.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(reply.body());
        }
    }

    /**
     * Sends the headers and half the body, then closes the connection: the JDK server closes a
     * connection whose handler throws, which is exactly a peer dropping mid-response.
     */
    private static void dropMidResponse(HttpExchange ex, Reply reply) throws IOException {
        byte[] body = reply.body().length > 1 ? reply.body() : "<s:Envelope".getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Server", "Microsoft-HTTPAPI/2.0");
        ex.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        ex.sendResponseHeaders(reply.status(), body.length);
        OutputStream out = ex.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        throw new IOException("connection dropped mid-response by the scenario (dropOnRequest)");
    }
}
