package io.winrminvoke.engine.winrm.session;

import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.WinRmException;
import io.winrminvoke.engine.winrm.protocol.ResponseParser;
import io.winrminvoke.engine.winrm.protocol.SoapRequest;
import io.winrminvoke.engine.winrm.protocol.SoapResponse;
import io.winrminvoke.engine.winrm.transport.Exchange;
import io.winrminvoke.engine.winrm.transport.HttpReply;
import java.util.List;

/**
 * One WS-Management request and its answer. A fault comes back as a {@link SoapResponse} for
 * the caller to judge (a TimedOut fault on Receive is routine); everything else that is not a
 * proper answer to this very request is thrown.
 */
final class Call {

    private static final int HTTP_OK = 200;
    private static final int HTTP_UNAUTHORIZED = 401;

    private final SoapRequest request;
    private final Exchange exchange;
    private final String user;
    private final boolean https;

    Call(SoapRequest request, Exchange exchange, String user, boolean https) {
        this.request = request;
        this.exchange = exchange;
        this.user = user;
        this.https = https;
    }

    SoapResponse execute() throws WinRmException {
        HttpReply reply = exchange.execute();
        if (reply.status() == HTTP_UNAUTHORIZED) {
            throw new WinRmException(FailureKind.AUTH_FAILED, false, authFailure(reply.offeredAuthSchemes()));
        }
        if (reply.body().length == 0) {
            throw new WinRmException(FailureKind.PROTOCOL_ERROR, false,
                    "HTTP " + reply.status() + " with an empty body in answer to " + request.action().displayName());
        }
        SoapResponse response;
        try {
            response = ResponseParser.parse(reply.body());
        } catch (WinRmException e) {
            throw new WinRmException(FailureKind.PROTOCOL_ERROR, false,
                    "HTTP " + reply.status() + " in answer to " + request.action().displayName() + ": " + e.getMessage(), e);
        }
        checkRelatesTo(response);
        if (!response.isFault()) {
            if (reply.status() != HTTP_OK) {
                throw new WinRmException(FailureKind.PROTOCOL_ERROR, false,
                        "HTTP " + reply.status() + " without a fault in answer to " + request.action().displayName());
            }
            if (response.action() != null && !response.action().equals(request.action().responseUri())) {
                throw new WinRmException(FailureKind.PROTOCOL_ERROR, false, "answer to " + request.action().displayName()
                        + " has action " + response.action() + ", expected " + request.action().responseUri());
            }
        }
        return response;
    }

    void cancel() {
        exchange.cancel();
    }

    /** An answer meant for another request (a confused proxy or host) must not be taken for ours. */
    private void checkRelatesTo(SoapResponse response) throws WinRmException {
        String relatesTo = response.relatesTo();
        if (relatesTo == null) {
            // Some faults (malformed request) come without addressing headers; ours always have one.
            if (response.isFault()) {
                return;
            }
            throw new WinRmException(FailureKind.PROTOCOL_ERROR, false,
                    "answer to " + request.action().displayName() + " has no RelatesTo");
        }
        if (!relatesTo.strip().equalsIgnoreCase(request.messageId())) {
            throw new WinRmException(FailureKind.PROTOCOL_ERROR, false, "answer to " + request.action().displayName()
                    + " relates to " + relatesTo.strip() + ", not to the request's " + request.messageId());
        }
    }

    private String authFailure(List<String> offered) {
        String offeredText = offered.isEmpty()
                ? "host offered no authentication scheme"
                : "host offered " + String.join(", ", offered);
        boolean basicOffered = offered.stream().anyMatch(s -> s.equalsIgnoreCase("Basic"));
        String what = basicOffered || offered.isEmpty()
                ? "Basic authentication as user '" + user + "' refused"
                : "host does not accept Basic authentication (user '" + user + "')";
        // Windows refuses Basic over plain HTTP unless AllowUnencrypted is set, and then offers
        // only Negotiate: the usual fix is a sealing method or HTTPS, not another password.
        String hint = !https && !basicOffered && !offered.isEmpty()
                ? " (the host refuses unencrypted messages over HTTP (AllowUnencrypted=false), so it accepts Basic "
                + "only over HTTPS; use HTTPS, or auth ntlm, kerberos or negotiate, which seal every message)" : "";
        return what + " (HTTP 401); " + offeredText + hint;
    }
}
