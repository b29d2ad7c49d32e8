package io.winrminvoke.simulator;

import io.winrminvoke.simulator.auth.AuthRequest;
import io.winrminvoke.simulator.auth.AuthResult;
import io.winrminvoke.simulator.auth.ConnectionSecurity;
import io.winrminvoke.simulator.auth.EncryptedBody;
import io.winrminvoke.simulator.auth.HostAuthenticator;
import io.winrminvoke.simulator.scenario.HostBehaviour;
import io.winrminvoke.simulator.wsman.MalformedRequestException;
import io.winrminvoke.simulator.wsman.WsmanFault;
import io.winrminvoke.simulator.wsman.WsmanRequest;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP side of one simulated host: latency, authentication and message encryption the way
 * Windows answers them ({@link HostAuthenticator}, with one {@link ConnectionSecurity} per client
 * connection), request-numbered faults and drops from the scenario, then the WinRS service; every
 * request is logged, and captured raw when a wire log is configured. It runs on the fleet's
 * request threads (it sleeps for latency and waits for output), never on the event loop.
 */
final class HostEndpoint {
    private static final String CONTENT_TYPE = "application/soap+xml;charset=UTF-8";
    /** Room for the MIME framing and signature around a sealed envelope of the largest allowed size. */
    private static final int SEALING_OVERHEAD = 1024;

    /** An HTTP answer with the headers authentication adds. */
    private record Answer(int status, byte[] body, String contentType, List<String> wwwAuthenticate) {
    }

    private final SimulatedHost host;
    private final HostBehaviour behaviour;
    private final WinRsService service;
    private final SimulatorClock clock;
    private final RequestLog log;
    private final WireLog wireLog;
    private final HostAuthenticator authenticator;
    private final AtomicLong requestNumber = new AtomicLong();

    HostEndpoint(SimulatedHost host, HostBehaviour behaviour, WinRsService service, SimulatorClock clock,
                 RequestLog log, WireLog wireLog, HostAuthenticator authenticator) {
        this.host = host;
        this.behaviour = behaviour;
        this.service = service;
        this.clock = clock;
        this.log = log;
        this.wireLog = wireLog;
        this.authenticator = authenticator;
    }

    void handle(Exchange ex) {
        Instant time = ex.arrived();
        ExchangeRecord record = new ExchangeRecord();
        Answer answer;
        boolean drop;
        long n;
        byte[] body;
        try {
            host.countersInternal().requestReceived();
            n = requestNumber.incrementAndGet();
            boolean sealed = EncryptedBody.isEncrypted(ex.header("Content-Type"));
            body = withinLimit(ex.body(), behaviour.maxEnvelopeSizeKb() * 1024L + (sealed ? SEALING_OVERHEAD : 0));
            answer = answer(ex, body, record, n);
            drop = behaviour.dropOnRequest() != null && behaviour.dropOnRequest() == n;
        } catch (RuntimeException e) {
            log(record, 0, time);
            throw e;
        }
        // logged before the client can see the answer, so a test that just got it finds the entry
        log(record, drop ? 0 : answer.status(), time);
        if (wireLog != null) {
            wireLog.exchange(host.name(), client(ex), n, rawRequest(ex, body), rawResponse(answer));
        }
        if (drop) {
            dropMidResponse(ex, answer);
        } else {
            send(ex, answer);
        }
    }

    private Answer answer(Exchange ex, byte[] body, ExchangeRecord record, long n) {
        clock.sleep(behaviour.latency());
        if (!"/wsman".equals(ex.path())) {
            return plain(new Reply(404, new byte[0]), List.of());
        } else if (!"POST".equals(ex.method())) {
            return plain(new Reply(405, new byte[0]), List.of());
        }
        ConnectionSecurity connection = ex.connection();
        AuthResult auth = authenticator.authenticate(new AuthRequest(ex.headers("Authorization"),
                ex.header("Content-Type"), body == null ? new byte[0] : body), connection);
        record.sealed = auth.sealed();
        record.authFailure = auth.failure();
        byte[] soap = auth.proceeds() ? auth.soapBody()
                : EncryptedBody.isEncrypted(ex.header("Content-Type")) ? null : body;
        WsmanRequest request = parse(soap, record);
        if (!auth.proceeds()) {
            return plain(new Reply(auth.status(), new byte[0]), auth.wwwAuthenticate());
        }
        if (soap.length == 0 && body != null && connection.established()) {
            // the empty request that completes a Negotiate logon (pywinrm sends one before sealing)
            return plain(Reply.ok(new byte[0]), auth.wwwAuthenticate());
        }
        Reply reply;
        if (behaviour.faultOnRequest() != null && behaviour.faultOnRequest().n() == n) {
            reply = injectedFault(request, record, behaviour.faultOnRequest().fault());
        } else if (body == null || soap.length > behaviour.maxEnvelopeSizeKb() * 1024L) {
            reply = service.fault(null, record, WsmanFault.EncodingLimit, null,
                    "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/ServiceEnvelopeLimit");
        } else if (request == null) {
            reply = service.fault(null, record, WsmanFault.InvalidMessage, null, null);
        } else {
            reply = service.handle(request, host.endpoint().toString(),
                    ex.remoteAddress().getAddress().getHostAddress(), record);
        }
        if (auth.sealed()) {
            HostAuthenticator.SealedAnswer sealed = authenticator.seal(auth, connection, reply.body());
            return new Answer(reply.status(), sealed.body(), sealed.contentType(), auth.wwwAuthenticate());
        }
        return plain(reply, auth.wwwAuthenticate());
    }

    private static Answer plain(Reply reply, List<String> wwwAuthenticate) {
        return new Answer(reply.status(), reply.body(), reply.body().length == 0 ? null : CONTENT_TYPE, wwwAuthenticate);
    }

    private static WsmanRequest parse(byte[] soap, ExchangeRecord record) {
        if (soap == null || soap.length == 0) {
            return null;
        }
        try {
            WsmanRequest request = WsmanRequest.parse(soap);
            record.operation = request.action().operation();
            record.shellId = request.shellId();
            return request;
        } catch (MalformedRequestException e) {
            return null;
        }
    }

    private void log(ExchangeRecord record, int status, Instant time) {
        log.add(new RequestLogEntry(host.name(), record.operation, record.shellId, record.commandId,
                record.commandLine, record.decodedScript, record.signalCode, record.stdinBase64, record.fault,
                status, record.sealed, record.authFailure, time));
    }

    private Reply injectedFault(WsmanRequest request, ExchangeRecord record, WsmanFault fault) {
        String detail = switch (fault) {
            case QuotaLimit -> Integer.toString(behaviour.maxShellsPerUser());
            case QuotaLimitOperations -> Integer.toString(behaviour.maxConcurrentOperationsPerUser());
            default -> record.shellId;
        };
        return service.fault(request, record, fault, detail, null);
    }

    /** The body, or null when it is longer than {@code limit}. */
    private static byte[] withinLimit(byte[] body, long limit) {
        return body.length > limit ? null : body;
    }

    /** What HTTP.sys puts in every answer, authentication's challenges, the content type. */
    private static List<Map.Entry<String, String>> headers(Answer answer) {
        List<Map.Entry<String, String>> h = new ArrayList<>(3 + answer.wwwAuthenticate().size());
        h.add(Map.entry("Server", "Microsoft-HTTPAPI/2.0"));
        for (String value : answer.wwwAuthenticate()) {
            h.add(Map.entry("WWW-Authenticate", value));
        }
        if (answer.contentType() != null) {
            h.add(Map.entry("Content-Type", answer.contentType()));
        }
        return h;
    }

    private static void send(Exchange ex, Answer answer) {
        ex.send(answer.status(), headers(answer), answer.body());
    }

    /** Sends the headers and half the body, then closes the connection. */
    private static void dropMidResponse(Exchange ex, Answer answer) {
        byte[] body = answer.body().length > 1 ? answer.body() : "<s:Envelope".getBytes(StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> h = headers(answer);
        if (answer.contentType() == null) {
            h.add(Map.entry("Content-Type", CONTENT_TYPE));
        }
        ex.sendPartlyAndClose(answer.status(), h, body, body.length / 2);
    }

    private static String client(Exchange ex) {
        InetSocketAddress a = ex.remoteAddress();
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private static byte[] rawRequest(Exchange ex, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((ex.method() + " " + ex.uri() + " " + ex.protocol() + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        writeHeaders(out, ex.headerLines());
        out.writeBytes(body == null ? "(body longer than the envelope limit, not kept)".getBytes(StandardCharsets.US_ASCII) : body);
        return out.toByteArray();
    }

    private static byte[] rawResponse(Answer answer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("HTTP/1.1 " + answer.status() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        List<Map.Entry<String, String>> h = headers(answer);
        h.add(Map.entry("Content-Length", Integer.toString(answer.body().length)));
        writeHeaders(out, h);
        out.writeBytes(answer.body());
        return out.toByteArray();
    }

    private static void writeHeaders(ByteArrayOutputStream out, List<Map.Entry<String, String>> headers) {
        for (Map.Entry<String, String> e : headers) {
            out.writeBytes((e.getKey() + ": " + e.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
}
