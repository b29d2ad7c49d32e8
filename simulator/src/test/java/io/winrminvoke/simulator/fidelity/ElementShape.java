package io.winrminvoke.simulator.fidelity;

import java.util.SortedSet;

/**
 * One element of a response reduced to its structure: where it sits (qualified names from the
 * root) and which attributes it carries. Text, attribute values, ids and order are left out.
 *
 * @param path e.g. "/s:Envelope/s:Body/rsp:ReceiveResponse/rsp:Stream"
 * @param attributes qualified attribute names, namespace declarations excluded
 */
record ElementShape(String path, SortedSet<String> attributes) {

    ElementShape {
        attributes = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(attributes));
    }

    String describe() {
        if (attributes.isEmpty()) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path).append(" with attributes");
        attributes.forEach(a -> sb.append(" @").append(a));
        return sb.toString();
    }
}
