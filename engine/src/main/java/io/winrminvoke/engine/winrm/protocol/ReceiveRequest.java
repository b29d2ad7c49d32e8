package io.winrminvoke.engine.winrm.protocol;

import java.util.Map;
import java.util.Objects;

/** Asks for the next output of a command; the host holds it open up to the OperationTimeout. */
public record ReceiveRequest(String shellId, String commandId) implements WsmanRequest {

    public ReceiveRequest {
        Objects.requireNonNull(shellId, "shellId");
        Objects.requireNonNull(commandId, "commandId");
    }

    @Override
    public WsmanAction action() {
        return WsmanAction.RECEIVE;
    }

    @Override
    public SoapRequest toSoap(RequestContext context) {
        // Keeps the shell from reaching its idle timeout while a long command runs silently.
        Map<String, String> options = Map.of("WSMAN_CMDSHELL_OPTION_KEEPALIVE", "TRUE");
        return EnvelopeWriter.write(context, action(), shellId, options, xml -> xml.markup("<rsp:Receive><rsp:DesiredStream CommandId=\"").attribute(commandId)
                .markup("\">stdout stderr</rsp:DesiredStream></rsp:Receive>"));
    }
}
