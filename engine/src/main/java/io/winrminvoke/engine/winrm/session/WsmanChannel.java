package io.winrminvoke.engine.winrm.session;

import io.winrminvoke.engine.winrm.protocol.RequestContext;
import io.winrminvoke.engine.winrm.protocol.SoapRequest;
import io.winrminvoke.engine.winrm.protocol.WsmanRequest;
import io.winrminvoke.engine.winrm.transport.RequestTimeouts;
import io.winrminvoke.engine.winrm.transport.WsmanTransport;

/** Joins the layers: serializes a request (protocol), prepares its POST (transport). */
final class WsmanChannel {

    private final WsmanTransport transport;
    private final RequestContext context;
    private final String user;
    private final boolean https;

    WsmanChannel(WsmanTransport transport, RequestContext context, String user, boolean https) {
        this.transport = transport;
        this.context = context;
        this.user = user;
        this.https = https;
    }

    Call prepare(WsmanRequest request, RequestTimeouts timeouts) {
        SoapRequest soap = request.toSoap(context);
        return new Call(soap, transport.prepare(soap.body(), timeouts), user, https);
    }
}
