package io.winrminvoke.engine.winrm.protocol;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The envelopes as the engine wrote them through the JDK's XMLStreamWriter before they were
 * written from byte templates: the reference the templates must match byte for byte.
 */
final class StreamWriterEnvelopes {

    private static final XMLOutputFactory OUTPUT_FACTORY = XMLOutputFactory.newFactory();

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private StreamWriterEnvelopes() {
    }

    static byte[] of(RequestContext context, WsmanRequest request, String messageId) throws XMLStreamException {
        if (request instanceof CreateShellRequest create) {
            Map<String, String> options = new LinkedHashMap<>();
            options.put("WINRS_NOPROFILE", create.noProfile() ? "TRUE" : "FALSE");
            options.put("WINRS_CODEPAGE", Integer.toString(create.codepage()));
            return write(context, request.action(), messageId, null, options, xml -> {
                xml.writeStartElement(Namespaces.SHELL, "Shell");
                text(xml, Namespaces.SHELL, "InputStreams", "stdin");
                text(xml, Namespaces.SHELL, "OutputStreams", "stdout stderr");
                xml.writeEndElement();
            });
        }
        if (request instanceof CommandRequest command) {
            Map<String, String> options = new LinkedHashMap<>();
            options.put("WINRS_CONSOLEMODE_STDIN", command.stdinPiped() ? "FALSE" : "TRUE");
            options.put("WINRS_SKIP_CMD_SHELL", command.skipCmdShell() ? "TRUE" : "FALSE");
            return write(context, request.action(), messageId, command.shellId(), options, xml -> {
                xml.writeStartElement(Namespaces.SHELL, "CommandLine");
                text(xml, Namespaces.SHELL, "Command", command.command());
                for (String argument : command.arguments()) {
                    text(xml, Namespaces.SHELL, "Arguments", argument);
                }
                xml.writeEndElement();
            });
        }
        if (request instanceof ReceiveRequest receive) {
            return write(context, request.action(), messageId, receive.shellId(),
                    Map.of("WSMAN_CMDSHELL_OPTION_KEEPALIVE", "TRUE"), xml -> {
                        xml.writeStartElement(Namespaces.SHELL, "Receive");
                        xml.writeStartElement(Namespaces.SHELL, "DesiredStream");
                        xml.writeAttribute("CommandId", receive.commandId());
                        xml.writeCharacters("stdout stderr");
                        xml.writeEndElement();
                        xml.writeEndElement();
                    });
        }
        if (request instanceof SendRequest send) {
            return write(context, request.action(), messageId, send.shellId(), Map.of(), xml -> {
                xml.writeStartElement(Namespaces.SHELL, "Send");
                xml.writeStartElement(Namespaces.SHELL, "Stream");
                xml.writeAttribute("Name", "stdin");
                xml.writeAttribute("CommandId", send.commandId());
                if (send.end()) {
                    xml.writeAttribute("End", "true");
                }
                xml.writeCharacters(Base64.getEncoder().encodeToString(send.data()));
                xml.writeEndElement();
                xml.writeEndElement();
            });
        }
        if (request instanceof SignalRequest signal) {
            return write(context, request.action(), messageId, signal.shellId(), Map.of(), xml -> {
                xml.writeStartElement(Namespaces.SHELL, "Signal");
                xml.writeAttribute("CommandId", signal.commandId());
                text(xml, Namespaces.SHELL, "Code", signal.signal().uri());
                xml.writeEndElement();
            });
        }
        DeleteShellRequest delete = (DeleteShellRequest) request;
        return write(context, request.action(), messageId, delete.shellId(), Map.of(), xml -> { });
    }

    private static byte[] write(RequestContext context, WsmanAction action, String messageId, String shellId,
                                Map<String, String> options, Body body) throws XMLStreamException {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("s", Namespaces.SOAP);
        prefixes.put("a", Namespaces.ADDRESSING);
        prefixes.put("w", Namespaces.WSMAN);
        prefixes.put("p", Namespaces.MS_WSMAN);
        prefixes.put("rsp", Namespaces.SHELL);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        XMLStreamWriter xml = OUTPUT_FACTORY.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
            xml.setPrefix(prefix.getKey(), prefix.getValue());
        }
        xml.writeStartElement(Namespaces.SOAP, "Envelope");
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
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
        text(xml, Namespaces.WSMAN, "OperationTimeout", EnvelopeWriter.isoSeconds(context.operationTimeout()));
        xml.writeStartElement(Namespaces.WSMAN, "ResourceURI");
        mustUnderstand(xml, true);
        xml.writeCharacters(EnvelopeWriter.RESOURCE_URI_CMD);
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
        return out.toByteArray();
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
