package io.winrminvoke.simulator.wsman;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed WS-Management request: its addressing headers, selectors, options and body. */
public final class WsmanRequest {
    /** What clients send when they do not say (pywinrm's default). */
    public static final long DEFAULT_MAX_ENVELOPE_SIZE = 153600;

    private static final DocumentBuilderFactory FACTORY = newFactory();
    /** Builders are not thread-safe but reusable; making one per request costs more than parsing. */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(WsmanRequest::newBuilder);
    private static final DatatypeFactory DURATIONS = newDatatypeFactory();

    private final Document document;
    private final Element header;
    private final Element body;

    private WsmanRequest(Document document, Element header, Element body) {
        this.document = document;
        this.header = header;
        this.body = body;
    }

    /** Parses a SOAP 1.2 envelope; throws {@link MalformedRequestException} for anything else. */
    public static WsmanRequest parse(byte[] xml) {
        try {
            DocumentBuilder builder = BUILDER.get();
            builder.reset();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new ByteArrayInputStream(xml));
            Element env = doc.getDocumentElement();
            if (!Namespaces.SOAP.equals(env.getNamespaceURI()) || !"Envelope".equals(env.getLocalName())) {
                throw new MalformedRequestException("not a SOAP 1.2 Envelope");
            }
            Element header = child(env, Namespaces.SOAP, "Header");
            Element body = child(env, Namespaces.SOAP, "Body");
            if (header == null || body == null) {
                throw new MalformedRequestException("the Envelope needs a Header and a Body");
            }
            return new WsmanRequest(doc, header, body);
        } catch (SAXException | IOException e) {
            throw new MalformedRequestException("not well-formed XML: " + e.getMessage());
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            synchronized (FACTORY) {
                return FACTORY.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    public String messageId() {
        return text(child(header, Namespaces.ADDRESSING, "MessageID"));
    }

    public String actionUri() {
        return text(child(header, Namespaces.ADDRESSING, "Action"));
    }

    public WsmanAction action() {
        return WsmanAction.fromUri(actionUri());
    }

    public String resourceUri() {
        return text(child(header, Namespaces.WSMAN, "ResourceURI"));
    }

    public String to() {
        return text(child(header, Namespaces.ADDRESSING, "To"));
    }

    /** The client's MaxEnvelopeSize in bytes, or the common default when absent or unreadable. */
    public long maxEnvelopeSize() {
        String t = text(child(header, Namespaces.WSMAN, "MaxEnvelopeSize"));
        try {
            return t == null ? DEFAULT_MAX_ENVELOPE_SIZE : Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_ENVELOPE_SIZE;
        }
    }

    /** The OperationTimeout (xs:duration), or null when absent or unreadable. */
    public Duration operationTimeout() {
        String t = text(child(header, Namespaces.WSMAN, "OperationTimeout"));
        if (t == null) {
            return null;
        }
        try {
            return Duration.ofMillis(DURATIONS.newDuration(t.trim()).getTimeInMillis(new java.util.Date(0)));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Selector name -> value, e.g. {@code ShellId}. */
    public Map<String, String> selectors() {
        return namedValues(child(header, Namespaces.WSMAN, "SelectorSet"), "Selector");
    }

    public String shellId() {
        return selectors().get("ShellId");
    }

    /** Option name -> value from the OptionSet, e.g. {@code WINRS_CODEPAGE}. */
    public Map<String, String> options() {
        return namedValues(child(header, Namespaces.WSMAN, "OptionSet"), "Option");
    }

    /** The first element of the Body, or null when the Body is empty. */
    public Element bodyElement() {
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    public Document document() {
        return document;
    }

    /** The first child element of {@code parent} with this name, or null. */
    public static Element child(Element parent, String ns, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** All child elements of {@code parent} with this name. */
    public static List<Element> children(Element parent, String ns, String localName) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    public static String text(Element e) {
        return e == null ? null : e.getTextContent();
    }

    private static Map<String, String> namedValues(Element set, String localName) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element e : children(set, Namespaces.WSMAN, localName)) {
            values.put(e.getAttribute("Name"), e.getTextContent().trim());
        }
        return values;
    }

    private static DocumentBuilderFactory newFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try {
            // a test endpoint still must not fetch external entities named by a request
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        f.setExpandEntityReferences(false);
        return f;
    }

    private static DatatypeFactory newDatatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
