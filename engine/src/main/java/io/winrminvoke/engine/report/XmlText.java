package io.winrminvoke.engine.report;

/**
 * Makes any text fit in an XML 1.0 document: characters XML forbids (most C0 controls, unpaired
 * surrogates, U+FFFE/U+FFFF) are removed. Escaping is the StAX writer's job.
 */
final class XmlText {

    private XmlText() {
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            // the same rule as a WS-Management message's (there the command line is refused instead)
            boolean allowed = io.winrminvoke.engine.winrm.XmlText.allowed(cp);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && out != null) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    /** For attributes: clean, and line breaks as spaces (parsers would turn them into spaces anyway). */
    static String attribute(String text) {
        return clean(text).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }
}
