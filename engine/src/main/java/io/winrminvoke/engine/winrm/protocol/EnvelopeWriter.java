package io.winrminvoke.engine.winrm.protocol;

import java.time.Duration;
import java.util.Map;

/**
 * Writes the SOAP envelope shared by every WinRS request: WS-Addressing and WS-Management
 * headers, then the action-specific body. Written as bytes around the few values that vary
 * (endpoint, message id, timeout, shell id, options, the body's values), escaped by
 * {@link XmlBytes}: an XMLStreamWriter per request cost more CPU than the rest of preparing it.
 */
final class EnvelopeWriter {

    static final String RESOURCE_URI_CMD = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd";
    /** The prefixes Windows itself uses, declared once on the envelope. */
    private static final String ENVELOPE_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<s:Envelope xmlns:s=\"" + Namespaces.SOAP + "\" xmlns:a=\"" + Namespaces.ADDRESSING
            + "\" xmlns:w=\"" + Namespaces.WSMAN + "\" xmlns:p=\"" + Namespaces.MS_WSMAN
            + "\" xmlns:rsp=\"" + Namespaces.SHELL + "\"><s:Header><a:To>";
    private static final String REPLY_TO = "</a:To><a:ReplyTo><a:Address s:mustUnderstand=\"true\">"
            + Namespaces.ANONYMOUS + "</a:Address></a:ReplyTo><w:MaxEnvelopeSize s:mustUnderstand=\"true\">";

    /** Writes the content of s:Body. */
    @FunctionalInterface
    interface BodyContent {
        void write(XmlBytes xml);

        BodyContent EMPTY = xml -> { };
    }

    private EnvelopeWriter() {
    }

    /**
     * @param shellId selector of the shell the request addresses, or null (Create)
     * @param options w:OptionSet entries in order, or empty for none
     */
    static SoapRequest write(RequestContext context, WsmanAction action, String shellId,
                             Map<String, String> options, BodyContent body) {
        String messageId = MessageIds.next();
        XmlBytes xml = new XmlBytes(1536);
        xml.markup(ENVELOPE_START).text(context.endpointUri())
                .markup(REPLY_TO).markup(Integer.toString(context.maxEnvelopeSize()))
                .markup("</w:MaxEnvelopeSize><a:MessageID>").text(messageId)
                .markup("</a:MessageID><w:Locale xml:lang=\"").attribute(context.locale())
                .markup("\" s:mustUnderstand=\"false\"></w:Locale><p:DataLocale xml:lang=\"").attribute(context.locale())
                .markup("\" s:mustUnderstand=\"false\"></p:DataLocale><w:OperationTimeout>")
                .markup(isoSeconds(context.operationTimeout()))
                .markup("</w:OperationTimeout><w:ResourceURI s:mustUnderstand=\"true\">").markup(RESOURCE_URI_CMD)
                .markup("</w:ResourceURI><a:Action s:mustUnderstand=\"true\">").markup(action.uri())
                .markup("</a:Action>");
        if (shellId != null) {
            xml.markup("<w:SelectorSet><w:Selector Name=\"ShellId\">").text(shellId)
                    .markup("</w:Selector></w:SelectorSet>");
        }
        if (!options.isEmpty()) {
            xml.markup("<w:OptionSet>");
            for (Map.Entry<String, String> option : options.entrySet()) {
                xml.markup("<w:Option Name=\"").attribute(option.getKey()).markup("\">").text(option.getValue())
                        .markup("</w:Option>");
            }
            xml.markup("</w:OptionSet>");
        }
        xml.markup("</s:Header><s:Body>");
        body.write(xml);
        xml.markup("</s:Body></s:Envelope>");
        return new SoapRequest(action, messageId, xml.toByteArray());
    }

    /** xs:duration in seconds, e.g. PT20S or PT0.500S, as WS-Management expects. */
    static String isoSeconds(Duration duration) {
        long millis = duration.toMillis();
        long seconds = millis / 1000;
        long fraction = millis % 1000;
        return fraction == 0 ? "PT" + seconds + "S" : String.format("PT%d.%03dS", seconds, fraction);
    }
}
