package io.winrminvoke.engine.winrm.protocol;

import java.util.Map;
import java.util.Objects;

/** transfer/Delete of a shell; the host kills whatever still runs in it. */
public record DeleteShellRequest(String shellId) implements WsmanRequest {

    public DeleteShellRequest {
        Objects.requireNonNull(shellId, "shellId");
    }

    @Override
    public WsmanAction action() {
        return WsmanAction.DELETE;
    }

    @Override
    public SoapRequest toSoap(RequestContext context) {
        return EnvelopeWriter.write(context, action(), shellId, Map.of(), EnvelopeWriter.BodyContent.EMPTY);
    }
}
