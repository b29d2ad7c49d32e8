package io.winrminvoke.engine.run;

import io.winrminvoke.engine.options.InvalidInputException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Maps a Windows codepage number (WINRS_CODEPAGE) to the JDK charset that decodes its bytes.
 * Well-known pages are named explicitly (the JDK's "Shift_JIS" is not Windows' 932, its
 * "windows-31j" is); the rest are looked up by the JDK's IBM/windows/cp naming.
 */
public final class Codepages {

    private static final Map<Integer, String> KNOWN = Map.ofEntries(
            Map.entry(65001, "UTF-8"),
            Map.entry(1200, "UTF-16LE"),
            Map.entry(1201, "UTF-16BE"),
            Map.entry(20127, "US-ASCII"),
            Map.entry(437, "IBM437"),
            Map.entry(932, "windows-31j"),
            Map.entry(936, "GBK"),
            Map.entry(949, "x-windows-949"),
            Map.entry(950, "x-windows-950"),
            Map.entry(54936, "GB18030"),
            Map.entry(20932, "EUC-JP"),
            Map.entry(51932, "EUC-JP"),
            Map.entry(50220, "ISO-2022-JP"),
            Map.entry(28591, "ISO-8859-1"),
            Map.entry(28605, "ISO-8859-15"));

    private Codepages() {
    }

    /**
     * @throws InvalidInputException naming the codepage when the JDK has no charset for it
     */
    public static Charset charsetFor(int codepage) {
        if (codepage == 65001) {
            return StandardCharsets.UTF_8;
        }
        String known = KNOWN.get(codepage);
        if (known != null && Charset.isSupported(known)) {
            return Charset.forName(known);
        }
        // windows-125x, ISO-8859-n (2859n), IBM OEM pages (850, 852, 866, ...).
        String[] candidates = codepage >= 28591 && codepage <= 28599
                ? new String[] {"ISO-8859-" + (codepage - 28590)}
                : new String[] {"windows-" + codepage, "IBM" + codepage, "x-IBM" + codepage, "cp" + codepage};
        for (String name : candidates) {
            try {
                if (Charset.isSupported(name)) {
                    return Charset.forName(name);
                }
            } catch (IllegalCharsetNameException e) {
                // not a name the JDK knows; try the next form
            }
        }
        throw InvalidInputException.forOption("codepage", codepage,
                "a Windows codepage this JVM can decode, e.g. 65001 (UTF-8), 932 (Japanese), 437 (US OEM), 1252");
    }
}
