package io.winrminvoke.simulator.fidelity;

import java.util.Iterator;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;

/**
 * The namespaces of WS-Management responses with the prefixes Windows uses, so that findings
 * read like the wire ("/s:Envelope/s:Body/rsp:ReceiveResponse") and XPath can name them.
 * Comparison is always by namespace URI, never by the prefix a document happens to choose.
 */
final class WsmanNamespaces {

    static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String TRANSFER = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    static final String MS_WSMAN = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
    static final String SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";
    static final String WSMAN_FAULT = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";
    static final String EVENTING = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
    static final String ENUMERATION = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";

    private static final Map<String, String> PREFIX_BY_URI = Map.of(
            SOAP, "s", ADDRESSING, "a", TRANSFER, "x", WSMAN, "w", MS_WSMAN, "p", SHELL, "rsp",
            WSMAN_FAULT, "f", EVENTING, "e", ENUMERATION, "n", XMLConstants.XML_NS_URI, "xml");

    private static final Map<String, String> URI_BY_PREFIX = Map.of(
            "s", SOAP, "a", ADDRESSING, "x", TRANSFER, "w", WSMAN, "p", MS_WSMAN, "rsp", SHELL,
            "f", WSMAN_FAULT, "e", EVENTING, "n", ENUMERATION, "xml", XMLConstants.XML_NS_URI);

    private WsmanNamespaces() {
    }

    /** "rsp:Stream" for known namespaces, "{uri}Stream" otherwise, "Name" when unqualified. */
    static String qualifiedName(String namespaceUri, String localName) {
        if (namespaceUri == null || namespaceUri.isEmpty()) {
            return localName;
        }
        String prefix = PREFIX_BY_URI.get(namespaceUri);
        return prefix != null ? prefix + ":" + localName : "{" + namespaceUri + "}" + localName;
    }

    static NamespaceContext context() {
        return new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return URI_BY_PREFIX.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String namespaceUri) {
                return PREFIX_BY_URI.get(namespaceUri);
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceUri) {
                String prefix = getPrefix(namespaceUri);
                return prefix == null ? java.util.Collections.emptyIterator() : java.util.List.of(prefix).iterator();
            }
        };
    }
}
