package io.winrminvoke.engine.winrm;

/**
 * What a WS-Management message can carry: XML 1.0 has no way to write the C0 controls other
 * than tab, line feed and carriage return (not even as a character reference), U+FFFE, U+FFFF or
 * an unpaired surrogate. A Windows host answers an envelope holding one with a fault, so a command
 * line holding one is refused before any host is contacted.
 */
public final class XmlText {

    private XmlText() {
    }

    /** The index of the first character XML 1.0 cannot carry, or -1 if there is none. */
    public static int firstUnwritable(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return i;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            }
        }
        return -1;
    }

    /** How the character at {@code index} is named in a message: {@code U+001B}, or an unpaired surrogate. */
    public static String describe(String text, int index) {
        char c = text.charAt(index);
        String code = String.format("U+%04X", (int) c);
        return Character.isSurrogate(c) ? "an unpaired surrogate (" + code + ")" : "character " + code;
    }
}
