package io.winrminvoke.engine.winrm.protocol;

import java.util.Map;
import java.util.Objects;

/** Sends a signal (terminate, ctrl_c, ctrl_break) to a command. */
public record SignalRequest(String shellId, String commandId, ShellSignal signal) implements WsmanRequest {

    public SignalRequest {
        Objects.requireNonNull(shellId, "shellId");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(signal, "signal");
    }

    @Override
    public WsmanAction action() {
        return WsmanAction.SIGNAL;
    }

    @Override
    public SoapRequest toSoap(RequestContext context) {
        return EnvelopeWriter.write(context, action(), shellId, Map.of(), xml -> xml.markup("<rsp:Signal CommandId=\"").attribute(commandId)
                .markup("\"><rsp:Code>").text(signal.uri()).markup("</rsp:Code></rsp:Signal>"));
    }
}
