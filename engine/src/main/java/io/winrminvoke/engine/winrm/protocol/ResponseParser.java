package io.winrminvoke.engine.winrm.protocol;

import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.WinRmException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads any WinRS answer (CreateResponse, CommandResponse, ReceiveResponse, SendResponse,
 * SignalResponse, DeleteResponse or a fault) in one namespace-aware pass: with {@link PlainXml}
 * when the document (without the base64 {@link StreamContents} took out) is plain, as every
 * answer of Windows and of the simulator is, else with StAX.
 */
public final class ResponseParser {

    private static final String COMMAND_DONE = Namespaces.SHELL + "/CommandState/Done";

    private ResponseParser() {
    }

    /** @throws WinRmException PROTOCOL_ERROR when the body is not a SOAP envelope */
    public static SoapResponse parse(byte[] body) throws WinRmException {
        try {
            StreamContents streams = StreamContents.extract(body);
            SoapResponse response = read(streams);
            return response != null ? response : read(StreamContents.none(body));
        } catch (XMLStreamException | IllegalArgumentException e) {
            // IllegalArgumentException: base64 content that does not decode.
            throw new WinRmException(FailureKind.PROTOCOL_ERROR, false,
                    "unreadable answer from host: " + e.getMessage(), e);
        }
    }

    /** Null when the parser met other Stream elements than {@code streams} found in the bytes. */
    private static SoapResponse read(StreamContents streams) throws XMLStreamException {
        PlainXml plain = PlainXml.of(streams.document());
        if (plain != null) {
            return new Reading(plain, streams).read();
        }
        XMLStreamReader stax = Stax.INPUT_FACTORY.createXMLStreamReader(new ByteArrayInputStream(streams.document()));
        try {
            return new Reading(new StaxCursor(stax), streams).read();
        } finally {
            stax.close();
        }
    }

    /** Loaded only when a document is not plain: a run against Windows or the simulator needs no StAX. */
    private static final class Stax {
        static final XMLInputFactory INPUT_FACTORY = newInputFactory();
    }

    private static XMLInputFactory newInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // A WinRS answer never has a DTD; refusing them rules out entity expansion attacks.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** State of one pass over one document. */
    private static final class Reading {
        private final XmlCursor xml;
        private final StreamContents streams;
        private int streamElements;
        /** The current Stream element's content, from {@link StreamContents#next()}. */
        private byte[] streamContent;
        private boolean sawEnvelope;
        private String action;
        private String relatesTo;
        private boolean faultSeen;
        private boolean inFault;
        private int subcodeDepth;
        private String subcode;
        private String reason;
        private Long wsmanCode;
        private String faultDetail;
        private String shellId;
        private String commandId;
        private final List<OutputChunk> output = new ArrayList<>();
        private boolean commandDone;
        private Integer exitCode;

        Reading(XmlCursor xml, StreamContents streams) {
            this.xml = xml;
            this.streams = streams;
        }

        SoapResponse read() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    startElement(xml.namespaceUri(), xml.localName());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    endElement(xml.namespaceUri(), xml.localName());
                }
            }
            if (!sawEnvelope) {
                throw new XMLStreamException("not a SOAP 1.2 envelope");
            }
            if (!streams.matched(streamElements)) {
                return null;
            }
            WsmanFault fault = faultSeen ? new WsmanFault(subcode, reason, wsmanCode, faultDetail) : null;
            return new SoapResponse(action, relatesTo, fault, shellId, commandId, output, commandDone, exitCode);
        }

        private void startElement(String ns, String name) throws XMLStreamException {
            if (name.equals("Stream")) {
                // in any namespace: StreamContents matched the local name only
                streamElements++;
                streamContent = streams.next();
            }
            switch (ns == null ? "" : ns) {
                case Namespaces.SOAP -> soapElement(name);
                case Namespaces.ADDRESSING -> {
                    if (name.equals("Action")) {
                        action = text();
                    } else if (name.equals("RelatesTo")) {
                        relatesTo = text();
                    }
                }
                case Namespaces.WSMAN -> {
                    if (name.equals("Selector") && "ShellId".equals(xml.attribute("Name"))) {
                        String value = text();
                        shellId = shellId == null ? value : shellId;
                    }
                }
                case Namespaces.WSMAN_FAULT -> {
                    if (name.equals("WSManFault")) {
                        String code = xml.attribute("Code");
                        wsmanCode = code == null ? null : Long.valueOf(code.strip());
                    } else if (name.equals("Message") && faultDetail == null) {
                        faultDetail = text();
                    }
                }
                case Namespaces.SHELL -> shellElement(name);
                default -> {
                    // Other elements (eventing, enumeration, provider details) carry nothing we use.
                }
            }
        }

        private void soapElement(String name) throws XMLStreamException {
            switch (name) {
                case "Envelope" -> sawEnvelope = true;
                case "Fault" -> {
                    inFault = true;
                    faultSeen = true;
                }
                case "Subcode" -> subcodeDepth++;
                case "Value" -> {
                    if (inFault && subcodeDepth > 0 && subcode == null) {
                        subcode = localPart(text());
                    }
                }
                case "Text" -> {
                    if (inFault && reason == null) {
                        reason = text();
                    }
                }
                default -> {
                }
            }
        }

        private void shellElement(String name) throws XMLStreamException {
            switch (name) {
                case "ShellId" -> {
                    String value = text();
                    shellId = shellId == null ? value : shellId;
                }
                case "CommandId" -> commandId = text();
                case "Stream" -> {
                    String stream = xml.attribute("Name");
                    String streamCommandId = xml.attribute("CommandId");
                    boolean end = "true".equalsIgnoreCase(xml.attribute("End"));
                    byte[] data = streamContent;
                    String inDocument = text(); // empty unless StreamContents left it here
                    if (data == StreamContents.IN_DOCUMENT) {
                        data = Base64.getMimeDecoder().decode(inDocument);
                    }
                    output.add(new OutputChunk(stream, streamCommandId, data, end));
                }
                case "CommandState" -> {
                    String state = xml.attribute("State");
                    commandDone = COMMAND_DONE.equals(state);
                }
                case "ExitCode" -> {
                    // Windows writes exit codes as unsigned 32-bit numbers (-1 arrives as 4294967295).
                    exitCode = (int) Long.parseLong(text().strip());
                }
                default -> {
                }
            }
        }

        private void endElement(String ns, String name) {
            if (Namespaces.SOAP.equals(ns)) {
                if (name.equals("Fault")) {
                    inFault = false;
                } else if (name.equals("Subcode")) {
                    subcodeDepth--;
                }
            }
        }

        /** All text inside the current element (nested elements included); leaves it at its end tag. */
        private String text() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> depth++;
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            text.append(xml.text());
                    default -> {
                    }
                }
            }
            return text.toString();
        }

        /** A fault subcode is a QName in text ("w:TimedOut"); its local part names the fault. */
        private static String localPart(String qname) {
            String trimmed = qname.strip();
            int colon = trimmed.indexOf(':');
            return colon < 0 ? trimmed : trimmed.substring(colon + 1);
        }
    }
}
