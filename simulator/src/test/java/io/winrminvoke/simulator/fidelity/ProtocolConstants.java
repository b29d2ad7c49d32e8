package io.winrminvoke.simulator.fidelity;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Node;

/**
 * The few text values that are protocol, not data: clients dispatch on them, so the simulator
 * must send exactly what Windows sends. Everything else (ids, addresses, output, timestamps) is
 * ignored by the comparison.
 */
final class ProtocolConstants {

    /** @param qualifiedName the value is a QName ("w:TimedOut") compared by namespace URI, not prefix */
    private record Constant(String xpath, boolean qualifiedName) {
    }

    private static final List<Constant> CONSTANTS = List.of(
            new Constant("/s:Envelope/s:Header/a:Action", false),
            new Constant("/s:Envelope/s:Header/a:To", false),
            new Constant("/s:Envelope/@xml:lang", false),
            new Constant("/s:Envelope/s:Body/x:ResourceCreated/a:ReferenceParameters/w:ResourceURI", false),
            new Constant("/s:Envelope/s:Body/x:ResourceCreated/a:ReferenceParameters/w:SelectorSet/w:Selector/@Name", false),
            new Constant("/s:Envelope/s:Body/rsp:Shell/rsp:ResourceUri", false),
            new Constant("/s:Envelope/s:Body/rsp:Shell/rsp:InputStreams", false),
            new Constant("/s:Envelope/s:Body/rsp:Shell/rsp:OutputStreams", false),
            new Constant("/s:Envelope/s:Body/rsp:ReceiveResponse/rsp:CommandState/@State", false),
            new Constant("/s:Envelope/s:Body/rsp:ReceiveResponse/rsp:Stream[@End]/@End", false),
            new Constant("/s:Envelope/s:Body/s:Fault/s:Code/s:Value", true),
            new Constant("/s:Envelope/s:Body/s:Fault/s:Code/s:Subcode/s:Value", true),
            new Constant("/s:Envelope/s:Body/s:Fault/s:Detail/f:WSManFault/@Code", false),
            new Constant("/s:Envelope/s:Body/s:Fault/s:Reason/s:Text/@xml:lang", false));

    private ProtocolConstants() {
    }

    /**
     * Values the recording has and the simulator's response has differently. A constant the
     * simulator lacks altogether is left to the structural comparison, which names the element.
     */
    static List<String> differences(ResponseStructure recording, ResponseStructure simulator) {
        List<String> differences = new ArrayList<>();
        for (Constant constant : CONSTANTS) {
            String expected = valueOf(recording, constant);
            String actual = valueOf(simulator, constant);
            if (expected != null && actual != null && !expected.equals(actual)) {
                differences.add(constant.xpath() + " is \"" + actual + "\" but Windows sends \"" + expected + "\"");
            }
        }
        return differences;
    }

    private static String valueOf(ResponseStructure response, Constant constant) {
        Node node = response.node(constant.xpath());
        if (node == null) {
            return null;
        }
        return constant.qualifiedName() ? qualifiedNameValue(node) : normalizeSpace(node.getTextContent());
    }

    /** "w:TimedOut" with w bound to the WS-Management namespace, rendered with our prefixes. */
    static String qualifiedNameValue(Node node) {
        if (node == null) {
            return null;
        }
        String text = normalizeSpace(node.getTextContent());
        int colon = text.indexOf(':');
        String prefix = colon < 0 ? null : text.substring(0, colon);
        String uri = node.lookupNamespaceURI(prefix);
        if (uri == null) {
            return "(unbound prefix) " + text;
        }
        return WsmanNamespaces.qualifiedName(uri, text.substring(colon + 1));
    }

    // Windows breaks "stdout stderr" over a line in one recording: whitespace there is not meaning
    private static String normalizeSpace(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
