package io.winrminvoke.engine.winrm.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;

/**
 * A plain XML document read straight from its bytes: elements, attributes and text, namespaces
 * resolved, nothing else. The small WinRS answers (Create, Command, Signal, Delete responses,
 * faults, and a Receive once {@link StreamContents} took out its base64) are all plain; a StAX
 * reader per answer cost more than building the request.
 *
 * <p>{@link #of} returns null for anything else, and the caller parses with StAX, which then
 * also says what is wrong with a broken document: entity and character references, CDATA,
 * comments, processing instructions, a DTD, a declaration of another encoding than UTF-8, a
 * byte order mark, any byte outside ASCII, control characters, unbound prefixes, mismatched or
 * unclosed tags, duplicate attributes, content after the root element. What it returns is what
 * StAX (namespace-aware, coalescing) reports for the same document: line ends in text as
 * {@code \n}, whitespace in attribute values as spaces.
 */
final class PlainXml implements XmlCursor {

    private static final String XMLNS = "xmlns";
    private static final String XML_PREFIX = "xml";
    private static final String XMLNS_URI = "http://www.w3.org/2000/xmlns/";
    /**
     * Larger documents go to StAX, which streams: a WinRS answer with its base64 taken out is a
     * few KiB, and a hostile one must not make this reader hold an event per tag of megabytes.
     */
    static final int MAX_BYTES = 64 * 1024;
    /**
     * More attributes (declarations included) on one element go to StAX: the duplicate checks
     * here are linear per attribute, and StAX caps attributes per element itself.
     */
    static final int MAX_ATTRIBUTES = 32;
    /** The declaration as {@code version="1.0"}, then optionally UTF-8 and standalone, nothing else. */
    private static final Pattern DECLARATION = Pattern.compile(
            "\\s+version\\s*=\\s*(\"1\\.0\"|'1\\.0')"
                    + "(\\s+encoding\\s*=\\s*(\"(?i:utf-8)\"|'(?i:utf-8)'))?"
                    + "(\\s+standalone\\s*=\\s*(\"(yes|no)\"|'(yes|no)'))?\\s*");

    private record Event(int type, String namespace, String localName, String[] attributes, String text) {
    }

    private final List<Event> events;
    private int position = -1;

    private PlainXml(List<Event> events) {
        this.events = events;
    }

    /** The document's events, or null when it is not plain. */
    static PlainXml of(byte[] document) {
        if (document.length > MAX_BYTES) {
            return null;
        }
        List<Event> events = new Scanner(document).scan();
        return events == null ? null : new PlainXml(events);
    }

    @Override
    public boolean hasNext() {
        return position + 1 < events.size();
    }

    @Override
    public int next() {
        return events.get(++position).type();
    }

    @Override
    public String namespaceUri() {
        return events.get(position).namespace();
    }

    @Override
    public String localName() {
        return events.get(position).localName();
    }

    @Override
    public String attribute(String localName) {
        String[] attributes = events.get(position).attributes();
        for (int k = 0; k < attributes.length; k += 2) {
            if (attributes[k].equals(localName)) {
                return attributes[k + 1];
            }
        }
        return null;
    }

    @Override
    public String text() {
        return events.get(position).text();
    }

    /** One pass over the bytes; every method returns false (or null) as soon as the document is not plain. */
    private static final class Scanner {
        private final byte[] b;
        private int i;
        private final List<Event> events = new ArrayList<>();
        /** Open elements: their start events and qualified names. */
        private final List<Event> open = new ArrayList<>();
        private final List<String> openNames = new ArrayList<>();
        /** Namespace declarations in scope, innermost last; scopeStarts marks each open element's first. */
        private final List<String> prefixes = new ArrayList<>();
        private final List<String> uris = new ArrayList<>();
        private final List<Integer> scopeStarts = new ArrayList<>();

        Scanner(byte[] b) {
            this.b = b;
        }

        List<Event> scan() {
            if (startsWith("<?xml") && !declaration()) {
                return null;
            }
            skipWhitespace();
            if (i >= b.length || b[i] != '<' || !startTag()) {
                return null;
            }
            while (!open.isEmpty()) {
                if (i >= b.length) {
                    return null;
                }
                boolean plain;
                if (b[i] != '<') {
                    plain = text();
                } else if (i + 1 < b.length && b[i + 1] == '/') {
                    plain = endTag();
                } else {
                    plain = startTag();
                }
                if (!plain) {
                    return null;
                }
            }
            skipWhitespace();
            return i == b.length ? events : null;
        }

        /** {@code <?xml version="1.0" encoding="UTF-8" standalone="yes"?>}, the last two optional. */
        private boolean declaration() {
            int end = -1;
            for (int k = 5; k + 1 < b.length; k++) {
                if (b[k] == '?' && b[k + 1] == '>') {
                    end = k;
                    break;
                }
            }
            if (end < 0 || !isWhitespace(b[5])) {
                return false;
            }
            for (int k = 5; k < end; k++) {
                if (b[k] < 0x20 && !isWhitespace(b[k])) {
                    return false; // also every byte >= 0x80 (negative)
                }
            }
            String declaration = new String(b, 5, end - 5, StandardCharsets.US_ASCII);
            if (!DECLARATION.matcher(declaration).matches()) {
                return false;
            }
            i = end + 2;
            return true;
        }

        private boolean startTag() {
            i++; // '<'
            String name = name();
            if (name == null) {
                return false;
            }
            int scopeStart = prefixes.size();
            List<String> attributes = new ArrayList<>(4);
            boolean empty;
            while (true) {
                int before = i;
                skipWhitespace();
                if (i >= b.length) {
                    return false;
                }
                if (b[i] == '>') {
                    i++;
                    empty = false;
                    break;
                }
                if (b[i] == '/') {
                    if (i + 1 >= b.length || b[i + 1] != '>') {
                        return false;
                    }
                    i += 2;
                    empty = true;
                    break;
                }
                if (i == before) {
                    return false; // attributes are separated by whitespace
                }
                String attribute = name();
                if (attribute == null || attributes.size() / 2 + prefixes.size() - scopeStart >= MAX_ATTRIBUTES
                        || !attributeValue(attribute, attributes, scopeStart)) {
                    return false;
                }
            }
            scopeStarts.add(scopeStart);
            String[] pairs = resolveAttributes(attributes);
            String namespace = pairs == null ? null : namespaceOf(name, true);
            if (pairs == null || namespace == UNBOUND) {
                return false;
            }
            Event start = new Event(XMLStreamConstants.START_ELEMENT, namespace, localPart(name), pairs, null);
            events.add(start);
            open.add(start);
            openNames.add(name);
            return !empty || closeElement();
        }

        /**
         * {@code ="value"} after an attribute name; declarations go into scope (this tag's from
         * {@code scopeStart} on), the rest into {@code attributes}.
         */
        private boolean attributeValue(String name, List<String> attributes, int scopeStart) {
            skipWhitespace();
            if (i >= b.length || b[i] != '=') {
                return false;
            }
            i++;
            skipWhitespace();
            if (i >= b.length || (b[i] != '"' && b[i] != '\'')) {
                return false;
            }
            byte quote = b[i++];
            int from = i;
            boolean whitespace = false;
            while (i < b.length && b[i] != quote) {
                byte c = b[i];
                if (c == '<' || c == '&' || c < 0x20) {
                    if (!isWhitespace(c)) {
                        return false;
                    }
                    whitespace = true;
                }
                i++;
            }
            if (i >= b.length) {
                return false;
            }
            String value = new String(b, from, i - from, StandardCharsets.US_ASCII);
            i++;
            if (whitespace) {
                value = value.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
            }
            boolean declaration = name.equals(XMLNS) || name.startsWith(XMLNS + ":");
            String declared = name.equals(XMLNS) ? "" : localPart(name);
            if (declaration ? prefixes.subList(scopeStart, prefixes.size()).contains(declared)
                    : hasName(attributes, name)) {
                return false; // the same attribute twice
            }
            if (declaration) {
                if (value.isEmpty() && !declared.isEmpty()) {
                    return false; // undeclaring a prefix is XML 1.1
                }
                if (declared.equals(XML_PREFIX) || declared.equals(XMLNS)
                        || value.equals(Namespaces.XML) || value.equals(XMLNS_URI)) {
                    return false; // the reserved prefixes and namespaces: StAX says what is allowed
                }
                prefixes.add(declared);
                uris.add(value);
            } else {
                attributes.add(name);
                attributes.add(value);
            }
            return true;
        }

        /** Whether a name is among the names of {name, value} pairs (values are not names). */
        private static boolean hasName(List<String> pairs, String name) {
            for (int k = 0; k < pairs.size(); k += 2) {
                if (pairs.get(k).equals(name)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * {localName, value} pairs, after checking each prefix is bound; null if one is not, or if
         * two prefixes bound to one namespace name the same attribute twice.
         */
        private String[] resolveAttributes(List<String> attributes) {
            String[] pairs = new String[attributes.size()];
            String[] namespaces = new String[attributes.size() / 2];
            for (int k = 0; k < attributes.size(); k += 2) {
                String name = attributes.get(k);
                String namespace = name.indexOf(':') >= 0 ? namespaceOf(name, false) : null;
                if (namespace == UNBOUND) {
                    return null;
                }
                pairs[k] = localPart(name);
                pairs[k + 1] = attributes.get(k + 1);
                namespaces[k / 2] = namespace;
                for (int j = 0; j < k; j += 2) {
                    if (pairs[j].equals(pairs[k]) && Objects.equals(namespaces[j / 2], namespace)) {
                        return null;
                    }
                }
            }
            return pairs;
        }

        private boolean endTag() {
            i += 2; // "</"
            String name = name();
            if (name == null) {
                return false;
            }
            skipWhitespace();
            if (i >= b.length || b[i] != '>' || !name.equals(openNames.get(openNames.size() - 1))) {
                return false;
            }
            i++;
            return closeElement();
        }

        private boolean closeElement() {
            Event start = open.remove(open.size() - 1);
            openNames.remove(openNames.size() - 1);
            int scopeStart = scopeStarts.remove(scopeStarts.size() - 1);
            prefixes.subList(scopeStart, prefixes.size()).clear();
            uris.subList(scopeStart, uris.size()).clear();
            events.add(new Event(XMLStreamConstants.END_ELEMENT, start.namespace(), start.localName(),
                    new String[0], null));
            return true;
        }

        /** Character data up to the next tag: ASCII, no references, no {@code ]]>}. */
        private boolean text() {
            int from = i;
            boolean carriageReturn = false;
            while (i < b.length && b[i] != '<') {
                byte c = b[i];
                if (c == '&' || c < 0x20) {
                    if (!isWhitespace(c)) {
                        return false;
                    }
                    carriageReturn |= c == '\r';
                } else if (c == '>' && i >= from + 2 && b[i - 1] == ']' && b[i - 2] == ']') {
                    return false;
                }
                i++;
            }
            String text = new String(b, from, i - from, StandardCharsets.US_ASCII);
            if (carriageReturn) {
                text = text.replace("\r\n", "\n").replace('\r', '\n');
            }
            events.add(new Event(XMLStreamConstants.CHARACTERS, null, null, null, text));
            return true;
        }

        /** A name of ASCII letters, digits, {@code _ - .} and at most one inner colon, or null. */
        private String name() {
            int from = i;
            int colons = 0;
            while (i < b.length) {
                byte c = b[i];
                boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
                if (letter || (i > from && ((c >= '0' && c <= '9') || c == '-' || c == '.'))) {
                    i++;
                } else if (c == ':' && i > from && b[i - 1] != ':') {
                    colons++;
                    i++;
                } else {
                    break;
                }
            }
            if (i == from || colons > 1 || b[i - 1] == ':' || (i < b.length && b[i] < 0)) {
                return null;
            }
            if (colons == 1) {
                // the local part must start as a name does too
                int colon = from;
                while (b[colon] != ':') {
                    colon++;
                }
                byte c = b[colon + 1];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) {
                    return null;
                }
            }
            return new String(b, from, i - from, StandardCharsets.US_ASCII);
        }

        /** Compared by identity: no namespace can be this instance. */
        @SuppressWarnings("StringOperationCanBeSimplified")
        private static final String UNBOUND = new String("unbound");

        /** The namespace of a qualified name (null for none), or {@link #UNBOUND}. */
        private String namespaceOf(String qualifiedName, boolean element) {
            int colon = qualifiedName.indexOf(':');
            if (colon < 0 && !element) {
                return null; // unprefixed attributes are in no namespace
            }
            String prefix = colon < 0 ? "" : qualifiedName.substring(0, colon);
            if (prefix.equals(XML_PREFIX)) {
                return Namespaces.XML;
            }
            if (prefix.equals(XMLNS)) {
                return UNBOUND;
            }
            for (int k = prefixes.size() - 1; k >= 0; k--) {
                if (prefixes.get(k).equals(prefix)) {
                    String uri = uris.get(k);
                    return uri.isEmpty() ? null : uri;
                }
            }
            return prefix.isEmpty() ? null : UNBOUND;
        }

        private static String localPart(String qualifiedName) {
            return qualifiedName.substring(qualifiedName.indexOf(':') + 1);
        }

        private boolean startsWith(String ascii) {
            if (b.length < ascii.length()) {
                return false;
            }
            for (int k = 0; k < ascii.length(); k++) {
                if (b[k] != ascii.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        private void skipWhitespace() {
            while (i < b.length && isWhitespace(b[i])) {
                i++;
            }
        }

        private static boolean isWhitespace(byte c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }
    }
}
