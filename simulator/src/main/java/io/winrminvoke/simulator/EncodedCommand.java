package io.winrminvoke.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** Finds the script of a PowerShell {@code -EncodedCommand} (base64 of UTF-16LE) in a command line. */
final class EncodedCommand {
    private static final String FULL = "-encodedcommand";

    private EncodedCommand() {
    }

    /** The decoded script, or null when the line has no (decodable) {@code -EncodedCommand}. */
    static String decode(String commandLine) {
        if (commandLine == null) {
            return null;
        }
        String[] tokens = commandLine.trim().split("\\s+");
        for (int i = 0; i < tokens.length - 1; i++) {
            if (isEncodedCommandSwitch(tokens[i])) {
                String value = tokens[i + 1].replace("\"", "").replace("'", "");
                try {
                    return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_16LE);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** PowerShell accepts any unambiguous prefix: -e, -en, -enc, ..., and the documented alias -ec. */
    private static boolean isEncodedCommandSwitch(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        if (t.startsWith("/")) {
            t = "-" + t.substring(1);
        }
        return t.equals("-ec") || (t.length() >= 2 && FULL.startsWith(t));
    }
}
