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

    /** Whether XML 1.0 can carry {@code codePoint} (its production Char); a lone surrogate it cannot. */
    public static boolean allowed(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }

    /** The index of the first character XML 1.0 cannot carry, or -1 if there is none. */
    public static int firstUnwritable(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!allowed(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
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
