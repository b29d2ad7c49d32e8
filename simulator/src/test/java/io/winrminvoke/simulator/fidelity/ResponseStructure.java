package io.winrminvoke.simulator.fidelity;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A WS-Management response parsed once: its DOM (for protocol constants), its set of element
 * shapes (for the structural comparison) and its kind (which operation and outcome it answers).
 */
final class ResponseStructure {

    // XPathFactory.newInstance() searches the class path on every call; XPath is not thread-safe
    private static final ThreadLocal<XPath> XPATH = ThreadLocal.withInitial(() -> {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(WsmanNamespaces.context());
        return xpath;
    });

    private final String origin;
    private final Document document;
    private final Set<ElementShape> shapes;
    private final Map<String, List<String>> childOrder;
    private final String kind;

    private ResponseStructure(String origin, Document document) {
        this.origin = origin;
        this.document = document;
        Set<ElementShape> collected = new LinkedHashSet<>();
        Map<String, List<String>> order = new LinkedHashMap<>();
        collectShapes(document.getDocumentElement(), "", collected, order);
        this.shapes = Collections.unmodifiableSet(collected);
        this.childOrder = Collections.unmodifiableMap(order);
        this.kind = kindOf(document);
    }

    /** @param origin where the document came from, for findings ("fixture_test.go outputResponse") */
    static ResponseStructure parse(String origin, String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // responses never carry a DTD; refusing one keeps the parser from reaching anywhere
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return new ResponseStructure(origin, builder.parse(new InputSource(new StringReader(xml.strip()))));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException(origin + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    String origin() {
        return origin;
    }

    Document document() {
        return document;
    }

    Set<ElementShape> shapes() {
        return shapes;
    }

    /**
     * For each element path, the qualified names of its child elements in the order they first
     * appear (repeats such as several rsp:Stream collapse into one).
     */
    Map<String, List<String>> childOrder() {
        return childOrder;
    }

    /**
     * "CreateResponse", "ReceiveResponse Running", "ReceiveResponse Done", "Fault w:TimedOut":
     * the Action's last segment, refined by command state or fault subcode, because Windows
     * answers one operation with different shapes depending on those.
     */
    String kind() {
        return kind;
    }

    String value(String xpathExpression) {
        Node node = node(xpathExpression);
        return node == null ? null : node.getTextContent();
    }

    Node node(String xpathExpression) {
        try {
            return (Node) XPATH.get().evaluate(xpathExpression, document, XPathConstants.NODE);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("bad XPath " + xpathExpression, e);
        }
    }

    private static void collectShapes(Element element, String parentPath, Set<ElementShape> into,
            Map<String, List<String>> order) {
        String path = parentPath + "/" + WsmanNamespaces.qualifiedName(element.getNamespaceURI(), element.getLocalName());
        TreeSet<String> attributes = new TreeSet<>();
        NamedNodeMap attrs = element.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr attr = (Attr) attrs.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
                attributes.add(WsmanNamespaces.qualifiedName(attr.getNamespaceURI(), attr.getLocalName()));
            }
        }
        into.add(new ElementShape(path, attributes));
        List<String> children = order.computeIfAbsent(path, p -> new ArrayList<>());
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                String name = WsmanNamespaces.qualifiedName(childElement.getNamespaceURI(), childElement.getLocalName());
                if (!children.contains(name)) {
                    children.add(name);
                }
                collectShapes(childElement, path, into, order);
            }
        }
    }

    private String kindOf(Document doc) {
        String action = value("/s:Envelope/s:Header/a:Action");
        String operation = action == null ? "(no a:Action)" : action.strip().replaceAll(".*/", "");
        String subcode = ProtocolConstants.qualifiedNameValue(node("/s:Envelope/s:Body/s:Fault/s:Code/s:Subcode/s:Value"));
        if (subcode != null) {
            return "Fault " + subcode;
        }
        String state = value("/s:Envelope/s:Body/rsp:ReceiveResponse/rsp:CommandState/@State");
        if (state != null) {
            return operation + " " + state.strip().replaceAll(".*/", "");
        }
        return operation;
    }

    @Override
    public String toString() {
        return origin + " (" + kind + ")";
    }
}
