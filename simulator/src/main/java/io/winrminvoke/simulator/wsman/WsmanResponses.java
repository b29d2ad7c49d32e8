package io.winrminvoke.simulator.wsman;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes responses in the shape real Windows sends (the recordings shipped with pywinrm and
 * masterzen/winrm): s/a/x/w/rsp/p prefixes, Action ...Response, a fresh MessageID, To anonymous,
 * RelatesTo the request's MessageID.
 */
public final class WsmanResponses {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** Bytes a Receive response needs around its base64 stream content (envelope, headers, CommandState). */
    public static final int RECEIVE_OVERHEAD = 2048;

    private WsmanResponses() {
    }

    /** Builds the body of one envelope. */
    @FunctionalInterface
    interface BodyWriter {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    public static byte[] create(String relatesTo, String address, String shellId, String owner, String clientIp) {
        return envelope(WsmanAction.CREATE.responseUri(), relatesTo, w -> {
            w.writeStartElement("x", "ResourceCreated", Namespaces.TRANSFER);
            element(w, "a", "Address", Namespaces.ADDRESSING, address);
            w.writeStartElement("a", "ReferenceParameters", Namespaces.ADDRESSING);
            element(w, "w", "ResourceURI", Namespaces.WSMAN, Namespaces.CMD_RESOURCE_URI);
            w.writeStartElement("w", "SelectorSet", Namespaces.WSMAN);
            w.writeStartElement("w", "Selector", Namespaces.WSMAN);
            w.writeAttribute("Name", "ShellId");
            w.writeCharacters(shellId);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            // newer Windows versions describe the new shell as well
            w.writeStartElement("rsp", "Shell", Namespaces.SHELL);
            element(w, "rsp", "ShellId", Namespaces.SHELL, shellId);
            element(w, "rsp", "ResourceUri", Namespaces.SHELL, Namespaces.CMD_RESOURCE_URI);
            element(w, "rsp", "Owner", Namespaces.SHELL, owner);
            element(w, "rsp", "ClientIP", Namespaces.SHELL, clientIp);
            element(w, "rsp", "IdleTimeOut", Namespaces.SHELL, "PT7200.000S");
            element(w, "rsp", "InputStreams", Namespaces.SHELL, "stdin");
            element(w, "rsp", "OutputStreams", Namespaces.SHELL, "stdout stderr");
            element(w, "rsp", "ShellRunTime", Namespaces.SHELL, "P0DT0H0M0S");
            element(w, "rsp", "ShellInactivity", Namespaces.SHELL, "P0DT0H0M0S");
            w.writeEndElement();
        });
    }

    public static byte[] command(String relatesTo, String commandId) {
        return envelope(WsmanAction.COMMAND.responseUri(), relatesTo, w -> {
            w.writeStartElement("rsp", "CommandResponse", Namespaces.SHELL);
            element(w, "rsp", "CommandId", Namespaces.SHELL, commandId);
            w.writeEndElement();
        });
    }

    /**
     * A ReceiveResponse: data streams first, then the empty {@code End="true"} stream elements,
     * then the CommandState (Done with ExitCode when {@code exitCode} is non-null).
     */
    public static byte[] receive(String relatesTo, String commandId, byte[] stdout, byte[] stderr,
                                 boolean stdoutEnd, boolean stderrEnd, Long exitCode) {
        return envelope(WsmanAction.RECEIVE.responseUri(), relatesTo, w -> {
            w.writeStartElement("rsp", "ReceiveResponse", Namespaces.SHELL);
            if (stdout.length > 0) {
                stream(w, "stdout", commandId, stdout, false);
            }
            if (stderr.length > 0) {
                stream(w, "stderr", commandId, stderr, false);
            }
            if (stdoutEnd) {
                stream(w, "stdout", commandId, new byte[0], true);
            }
            if (stderrEnd) {
                stream(w, "stderr", commandId, new byte[0], true);
            }
            w.writeStartElement("rsp", "CommandState", Namespaces.SHELL);
            w.writeAttribute("CommandId", commandId);
            w.writeAttribute("State", exitCode == null ? Namespaces.COMMAND_STATE_RUNNING : Namespaces.COMMAND_STATE_DONE);
            if (exitCode != null) {
                element(w, "rsp", "ExitCode", Namespaces.SHELL, Long.toString(exitCode));
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    public static byte[] send(String relatesTo) {
        return envelope(WsmanAction.SEND.responseUri(), relatesTo, w -> {
            w.writeStartElement("rsp", "SendResponse", Namespaces.SHELL);
            w.writeEndElement();
        });
    }

    public static byte[] signal(String relatesTo) {
        return envelope(WsmanAction.SIGNAL.responseUri(), relatesTo, w -> {
            w.writeStartElement("rsp", "SignalResponse", Namespaces.SHELL);
            w.writeEndElement();
        });
    }

    public static byte[] delete(String relatesTo) {
        return envelope(WsmanAction.DELETE.responseUri(), relatesTo, w -> {
        });
    }

    /**
     * A SOAP fault as Windows sends it with HTTP 500: Code/Subcode, Reason, and a Detail holding an
     * {@code f:WSManFault} with the numeric code (plus a {@code w:FaultDetail} URI when given).
     */
    public static byte[] fault(String relatesTo, WsmanFault fault, String message, String faultDetailUri,
                               String machine) {
        return envelope(Namespaces.FAULT_ACTION, relatesTo, w -> {
            w.writeStartElement("s", "Fault", Namespaces.SOAP);
            w.writeStartElement("s", "Code", Namespaces.SOAP);
            element(w, "s", "Value", Namespaces.SOAP, fault.soapCode());
            w.writeStartElement("s", "Subcode", Namespaces.SOAP);
            element(w, "s", "Value", Namespaces.SOAP, fault.subcode());
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("s", "Reason", Namespaces.SOAP);
            w.writeStartElement("s", "Text", Namespaces.SOAP);
            w.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "en-US");
            w.writeCharacters(message);
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("s", "Detail", Namespaces.SOAP);
            if (faultDetailUri != null) {
                element(w, "w", "FaultDetail", Namespaces.WSMAN, faultDetailUri);
            }
            w.writeStartElement("f", "WSManFault", Namespaces.WSMAN_FAULT);
            w.writeNamespace("f", Namespaces.WSMAN_FAULT);
            w.writeAttribute("Code", Long.toString(fault.wsmanCode()));
            w.writeAttribute("Machine", machine);
            element(w, "f", "Message", Namespaces.WSMAN_FAULT, message);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private static void stream(XMLStreamWriter w, String name, String commandId, byte[] data, boolean end)
            throws XMLStreamException {
        w.writeStartElement("rsp", "Stream", Namespaces.SHELL);
        w.writeAttribute("Name", name);
        w.writeAttribute("CommandId", commandId);
        if (end) {
            w.writeAttribute("End", "true");
        } else {
            w.writeCharacters(Base64.getEncoder().encodeToString(data));
        }
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String prefix, String name, String ns, String text)
            throws XMLStreamException {
        w.writeStartElement(prefix, name, ns);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static byte[] envelope(String action, String relatesTo, BodyWriter body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("s", "Envelope", Namespaces.SOAP);
            w.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "en-US");
            w.writeNamespace("s", Namespaces.SOAP);
            w.writeNamespace("a", Namespaces.ADDRESSING);
            w.writeNamespace("x", Namespaces.TRANSFER);
            w.writeNamespace("w", Namespaces.WSMAN);
            w.writeNamespace("rsp", Namespaces.SHELL);
            w.writeNamespace("p", Namespaces.MS_WSMAN);
            w.writeStartElement("s", "Header", Namespaces.SOAP);
            element(w, "a", "Action", Namespaces.ADDRESSING, action);
            element(w, "a", "MessageID", Namespaces.ADDRESSING, newUuid());
            element(w, "a", "To", Namespaces.ADDRESSING, Namespaces.ANONYMOUS);
            if (relatesTo != null) {
                element(w, "a", "RelatesTo", Namespaces.ADDRESSING, relatesTo);
            }
            w.writeEndElement();
            w.writeStartElement("s", "Body", Namespaces.SOAP);
            body.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a response envelope", e);
        }
        return out.toByteArray();
    }

    /** A message id as Windows writes it: {@code uuid:} and upper-case hex. */
    public static String newUuid() {
        return "uuid:" + newId();
    }

    /** A shell or command id as Windows writes it: upper-case hex. */
    public static String newId() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /** For tests and logs: the bytes as text. */
    public static String asText(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }
}
