package io.winrminvoke.engine.winrm.protocol;

/**
 * A serialized request, ready to POST.
 *
 * @param action    what it asks for
 * @param messageId its a:MessageID ({@code uuid:...}); the answer's a:RelatesTo must repeat it
 * @param body      the UTF-8 SOAP envelope
 */
public record SoapRequest(WsmanAction action, String messageId, byte[] body) {

    /** Leaves the body out: it may carry stdin, which can hold secrets. */
    @Override
    public String toString() {
        return "SoapRequest[" + action + ", " + messageId + ", " + body.length + " bytes]";
    }
}
