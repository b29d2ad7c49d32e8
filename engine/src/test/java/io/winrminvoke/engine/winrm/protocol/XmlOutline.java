package io.winrminvoke.engine.winrm.protocol;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A namespace-aware outline of an XML document for comparing messages regardless of prefixes:
 * the element paths, and the text of leaf elements by path.
 */
record XmlOutline(Set<String> paths, Map<String, String> texts) {

    static XmlOutline of(byte[] xml) {
        try {
            XMLStreamReader reader = XMLInputFactory.newFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            Set<String> paths = new LinkedHashSet<>();
            Map<String, String> texts = new LinkedHashMap<>();
            Deque<String> stack = new ArrayDeque<>();
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String parent = stack.isEmpty() ? "" : stack.peek();
                    String path = parent + "/" + shortNamespace(reader.getNamespaceURI()) + ":" + reader.getLocalName();
                    String name = reader.getAttributeValue(null, "Name");
                    if (name != null) {
                        path = path + "[" + name + "]";
                    }
                    stack.push(path);
                    paths.add(path);
                    text.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String path = stack.pop();
                    if (!text.toString().isBlank()) {
                        texts.put(path, text.toString().strip());
                    }
                    text.setLength(0);
                }
            }
            return new XmlOutline(paths, texts);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    static XmlOutline of(String xml) {
        return of(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String shortNamespace(String uri) {
        return switch (uri == null ? "" : uri) {
            case Namespaces.SOAP -> "s";
            case Namespaces.ADDRESSING -> "a";
            case Namespaces.WSMAN -> "w";
            case Namespaces.MS_WSMAN -> "p";
            case Namespaces.SHELL -> "rsp";
            default -> "{" + uri + "}";
        };
    }
}
