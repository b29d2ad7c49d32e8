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
        return EnvelopeWriter.write(context, action(), null, options, xml -> {
            xml.writeStartElement(Namespaces.SHELL, "Shell");
            xml.writeStartElement(Namespaces.SHELL, "InputStreams");
            xml.writeCharacters("stdin");
            xml.writeEndElement();
            xml.writeStartElement(Namespaces.SHELL, "OutputStreams");
            xml.writeCharacters("stdout stderr");
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }
}
