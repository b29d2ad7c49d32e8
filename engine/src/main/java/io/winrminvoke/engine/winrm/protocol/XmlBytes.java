package io.winrminvoke.engine.winrm.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 XML document built from markup the caller vouches for and text and attribute values
 * escaped here. Escapes what the JDK's XMLStreamWriter escaped before it (text {@code & < >},
 * attribute values also {@code "}), so the envelopes are byte for byte what they were; the UTF-8
 * is the JDK's own encoder, which writes a lone surrogate (no XML document can hold one) as {@code ?}.
 */
final class XmlBytes {

    private final StringBuilder text;

    XmlBytes(int capacity) {
        text = new StringBuilder(capacity);
    }

    /** Markup as is: constant ASCII tags, names and values that need no escaping. */
    XmlBytes markup(String ascii) {
        text.append(ascii);
        return this;
    }

    /** Character data. */
    XmlBytes text(String value) {
        return escaped(value, false);
    }

    /** An attribute value, to go between double quotes. */
    XmlBytes attribute(String value) {
        return escaped(value, true);
    }

    byte[] toByteArray() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private XmlBytes escaped(String value, boolean inAttribute) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> text.append("&amp;");
                case '<' -> text.append("&lt;");
                case '>' -> text.append("&gt;");
                case '"' -> text.append(inAttribute ? "&quot;" : "\"");
                default -> text.append(c);
            }
        }
        return this;
    }
}
