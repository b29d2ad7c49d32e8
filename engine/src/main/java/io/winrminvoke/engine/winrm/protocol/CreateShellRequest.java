package io.winrminvoke.engine.winrm.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * transfer/Create of a cmd shell.
 *
 * @param codepage  WINRS_CODEPAGE: the codepage the shell's programs write their output in
 * @param noProfile WINRS_NOPROFILE: do not load the user's profile (faster, no side effects)
 */
public record CreateShellRequest(int codepage, boolean noProfile) implements WsmanRequest {

    @Override
    public WsmanAction action() {
        return WsmanAction.CREATE;
    }

    @Override
    public SoapRequest toSoap(RequestContext context) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("WINRS_NOPROFILE", noProfile ? "TRUE" : "FALSE");
        options.put("WINRS_CODEPAGE", Integer.toString(codepage));
        return EnvelopeWriter.write(context, action(), null, options, xml -> xml.markup("<rsp:Shell><rsp:InputStreams>stdin</rsp:InputStreams>"
                + "<rsp:OutputStreams>stdout stderr</rsp:OutputStreams></rsp:Shell>"));
    }
}
