package io.winrminvoke.engine.winrm.protocol;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the SOAP envelope shared by every WinRS request: WS-Addressing and WS-Management
 * headers, then the action-specific body.
 */
final class EnvelopeWriter {

    private static final XMLOutputFactory OUTPUT_FACTORY = XMLOutputFactory.newFactory();
    /** The prefixes Windows itself uses, declared once on the envelope. */
    private static final Map<String, String> PREFIXES = orderedPrefixes();
    static final String RESOURCE_URI_CMD = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd";

    /** Writes the content of s:Body. */
    @FunctionalInterface
    interface BodyContent {
        void write(XMLStreamWriter xml) throws XMLStreamException;

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
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            XMLStreamWriter xml = OUTPUT_FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
                xml.setPrefix(prefix.getKey(), prefix.getValue());
            }
            xml.writeStartElement(Namespaces.SOAP, "Envelope");
            for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
                xml.writeNamespace(prefix.getKey(), prefix.getValue());
            }

            xml.writeStartElement(Namespaces.SOAP, "Header");
            text(xml, Namespaces.ADDRESSING, "To", context.endpointUri());
            xml.writeStartElement(Namespaces.ADDRESSING, "ReplyTo");
            xml.writeStartElement(Namespaces.ADDRESSING, "Address");
            mustUnderstand(xml, true);
            xml.writeCharacters(Namespaces.ANONYMOUS);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement(Namespaces.WSMAN, "MaxEnvelopeSize");
            mustUnderstand(xml, true);
            xml.writeCharacters(Integer.toString(context.maxEnvelopeSize()));
            xml.writeEndElement();
            text(xml, Namespaces.ADDRESSING, "MessageID", messageId);
            locale(xml, Namespaces.WSMAN, "Locale", context.locale());
            locale(xml, Namespaces.MS_WSMAN, "DataLocale", context.locale());
            text(xml, Namespaces.WSMAN, "OperationTimeout", isoSeconds(context.operationTimeout()));
            xml.writeStartElement(Namespaces.WSMAN, "ResourceURI");
            mustUnderstand(xml, true);
            xml.writeCharacters(RESOURCE_URI_CMD);
            xml.writeEndElement();
            xml.writeStartElement(Namespaces.ADDRESSING, "Action");
            mustUnderstand(xml, true);
            xml.writeCharacters(action.uri());
            xml.writeEndElement();
            if (shellId != null) {
                xml.writeStartElement(Namespaces.WSMAN, "SelectorSet");
                xml.writeStartElement(Namespaces.WSMAN, "Selector");
                xml.writeAttribute("Name", "ShellId");
                xml.writeCharacters(shellId);
                xml.writeEndElement();
                xml.writeEndElement();
            }
            if (!options.isEmpty()) {
                xml.writeStartElement(Namespaces.WSMAN, "OptionSet");
                for (Map.Entry<String, String> option : options.entrySet()) {
                    xml.writeStartElement(Namespaces.WSMAN, "Option");
                    xml.writeAttribute("Name", option.getKey());
                    xml.writeCharacters(option.getValue());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();

            xml.writeStartElement(Namespaces.SOAP, "Body");
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            // Only reachable through a bug: the writer targets memory and all names are constants.
            throw new IllegalStateException("cannot serialize " + action + " request", e);
        }
        return new SoapRequest(action, messageId, out.toByteArray());
    }

    private static Map<String, String> orderedPrefixes() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("s", Namespaces.SOAP);
        prefixes.put("a", Namespaces.ADDRESSING);
        prefixes.put("w", Namespaces.WSMAN);
        prefixes.put("p", Namespaces.MS_WSMAN);
        prefixes.put("rsp", Namespaces.SHELL);
        return prefixes;
    }

    /** xs:duration in seconds, e.g. PT20S or PT0.500S, as WS-Management expects. */
    static String isoSeconds(Duration duration) {
        long millis = duration.toMillis();
        long seconds = millis / 1000;
        long fraction = millis % 1000;
        return fraction == 0 ? "PT" + seconds + "S" : String.format("PT%d.%03dS", seconds, fraction);
    }

    private static void text(XMLStreamWriter xml, String ns, String name, String value) throws XMLStreamException {
        xml.writeStartElement(ns, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void locale(XMLStreamWriter xml, String ns, String name, String locale) throws XMLStreamException {
        xml.writeStartElement(ns, name);
        xml.writeAttribute("xml", Namespaces.XML, "lang", locale);
        mustUnderstand(xml, false);
        xml.writeEndElement();
    }

    private static void mustUnderstand(XMLStreamWriter xml, boolean value) throws XMLStreamException {
        xml.writeAttribute("s", Namespaces.SOAP, "mustUnderstand", Boolean.toString(value));
    }
}
