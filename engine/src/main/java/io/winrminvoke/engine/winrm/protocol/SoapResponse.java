package io.winrminvoke.engine.winrm.protocol;

import java.util.List;

/**
 * What a WinRS answer says, whichever request it answers. Fields a given answer does not
 * carry are null (or empty).
 *
 * @param action     a:Action
 * @param relatesTo  a:RelatesTo: the MessageID of the request answered
 * @param fault      the SOAP fault, or null
 * @param shellId    the new shell (CreateResponse: selector or rsp:ShellId)
 * @param commandId  the new command (CommandResponse)
 * @param output     rsp:Stream elements (ReceiveResponse) in document order
 * @param commandDone rsp:CommandState is .../CommandState/Done
 * @param exitCode   rsp:ExitCode when done, else null
 */
public record SoapResponse(String action, String relatesTo, WsmanFault fault, String shellId, String commandId,
                           List<OutputChunk> output, boolean commandDone, Integer exitCode) {

    public SoapResponse {
        output = List.copyOf(output);
    }

    public boolean isFault() {
        return fault != null;
    }
}
