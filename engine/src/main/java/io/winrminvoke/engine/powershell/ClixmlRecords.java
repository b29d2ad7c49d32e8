package io.winrminvoke.engine.powershell;

import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the records of one (possibly still incomplete) {@code <Objs>} CLIXML document with StAX
 * and turns the ones meant for people into text: errors as they are, warnings prefixed
 * {@code WARNING: } as the console shows them; progress, verbose, debug and information records
 * are dropped. Text found between records (another writer sharing stderr) is kept.
 */
final class ClixmlRecords {

    /** A serialized string escapes control characters and surrogates as _xHHHH_ (a UTF-16 unit). */
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    /** One factory per thread: the JDK does not promise that a shared one is thread-safe. */
    private static final ThreadLocal<XMLInputFactory> XML = ThreadLocal.withInitial(ClixmlRecords::newFactory);

    /**
     * What one pass over the buffered document found.
     *
     * @param text      readable text of the records complete so far
     * @param consumed  characters of the input those records (and the text before them) span
     * @param complete  the document's closing {@code </Objs>} was reached
     * @param failed    the input is not well-formed XML up to where it ends
     */
    record Pass(String text, int consumed, boolean complete, boolean failed) {
    }

    private ClixmlRecords() {
    }

    /**
     * Parses {@code document} (starting with the {@code <Objs ...>} start tag) as far as it goes.
     * Only whole records are reported, with the offset just after the last one, so the caller can
     * keep the unfinished rest and parse it again when more output has arrived.
     */
    static Pass read(String document, int startTagLength) {
        StringBuilder text = new StringBuilder();
        StringBuilder between = new StringBuilder();
        int consumed = startTagLength;
        int depth = 0;
        try {
            XMLStreamReader reader = XML.get().createXMLStreamReader(new StringReader(document));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        String record = readRecord(reader);
                        depth--;
                        // Offsets after an end tag are exact; after character data they are not.
                        consumed = reader.getLocation().getCharacterOffset();
                        text.append(between).append(record);
                        between.setLength(0);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (depth == 0) {
                        consumed = reader.getLocation().getCharacterOffset();
                        text.append(between);
                        return new Pass(text.toString(), consumed, true, false);
                    }
                } else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS
                        || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                    between.append(reader.getText());
                }
            }
            return new Pass(text.toString(), consumed, false, false);
        } catch (XMLStreamException | RuntimeException e) {
            return new Pass(text.toString(), consumed, false, true);
        }
    }

    /** Reads one top-level record (reader on its start tag) to its end tag; returns its text. */
    private static String readRecord(XMLStreamReader reader) throws XMLStreamException {
        String element = reader.getLocalName();
        String stream = reader.getAttributeValue(null, "S");
        String kind = stream == null ? "" : stream.toLowerCase(Locale.ROOT);
        String content = element.equals("S") ? reader.getElementText() : toStringOf(reader);
        return switch (kind) {
            case "progress", "verbose", "debug", "information" -> "";
            case "warning" -> "WARNING: " + terminated(decode(content));
            // "error", and anything we do not know: shown rather than lost.
            default -> decode(content);
        };
    }

    /** Skips an {@code <Obj>} record, returning the text of its own {@code <ToString>} child. */
    private static String toStringOf(XMLStreamReader reader) throws XMLStreamException {
        String result = "";
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && reader.getLocalName().equals("ToString")) {
                    result = terminated(reader.getElementText());
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return result;
    }

    /** Replaces every {@code _xHHHH_} escape with the UTF-16 unit it stands for. */
    static String decode(String serialized) {
        Matcher m = ESCAPE.matcher(serialized);
        StringBuilder out = new StringBuilder(serialized.length());
        while (m.find()) {
            m.appendReplacement(out, "");
            out.append((char) Integer.parseInt(m.group(1), 16));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String terminated(String line) {
        return line.isEmpty() || line.endsWith("\n") ? line : line + "\r\n";
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // Output of a remote host is untrusted: no DTDs, no external entities.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
