package io.winrminvoke.engine.powershell;

import io.winrminvoke.engine.options.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of a script file as its author saved it, for the CLI's {@code --powershell-file} and
 * the plugin alike. Windows editors write UTF-8 with a byte-order mark (ISE, Notepad) and Windows
 * PowerShell 5.1's {@code Out-File} writes UTF-16LE with one; both are honoured and the mark is
 * not part of the text. Without a mark the file must be UTF-8: anything else is rejected with the
 * byte offset rather than run as mojibake.
 */
public final class ScriptFileText {

    private ScriptFileText() {
    }

    /** @throws InvalidInputException naming the file when it cannot be read or decoded */
    public static String read(Path file) {
        try {
            return decode(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new InvalidInputException("powershell file " + file + ": cannot be read: " + e.getMessage());
        }
    }

    /** @param source how to name the script in a message (its path) */
    public static String decode(byte[] content, String source) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return strict(content, 3, StandardCharsets.UTF_8, source);
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return strict(content, 2, StandardCharsets.UTF_16LE, source);
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return strict(content, 2, StandardCharsets.UTF_16BE, source);
        }
        return strict(content, 0, StandardCharsets.UTF_8, source);
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String strict(byte[] content, int offset, Charset charset, String source) {
        ByteBuffer bytes = ByteBuffer.wrap(content, offset, content.length - offset);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("powershell file " + source + ": invalid value: not valid " + charset.name()
                    + " at byte " + bytes.position() + "; save the script as UTF-8 (with or without BOM) or UTF-16 with BOM");
        }
    }
}
