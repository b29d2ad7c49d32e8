package io.winrminvoke.engine.winrm.protocol;

import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Sends bytes to a command's stdin.
 *
 * @param end marks the last chunk: the command sees end of input
 */
public record SendRequest(String shellId, String commandId, byte[] data, boolean end) implements WsmanRequest {

    public SendRequest {
        Objects.requireNonNull(shellId, "shellId");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public WsmanAction action() {
        return WsmanAction.SEND;
    }

    @Override
    public SoapRequest toSoap(RequestContext context) {
        return EnvelopeWriter.write(context, action(), shellId, Map.of(), xml -> xml
                .markup("<rsp:Send><rsp:Stream Name=\"stdin\" CommandId=\"").attribute(commandId)
                .markup(end ? "\" End=\"true\">" : "\">").markup(Base64.getEncoder().encodeToString(data))
                .markup("</rsp:Stream></rsp:Send>"));
    }

    /** Leaves the data out: stdin can hold secrets. */
    @Override
    public String toString() {
        return "SendRequest[shellId=" + shellId + ", commandId=" + commandId + ", " + data.length + " bytes, end="
                + end + "]";
    }
}
