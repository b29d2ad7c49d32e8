package io.winrminvoke.invocation;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.targets.TargetList;
import io.winrminvoke.engine.targets.TargetParser;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A {@code hostsFile}'s bytes as hosts, read the same way on the controller (for the credential
 * lookup) and on the agent (for the run): strict UTF-8, so a UTF-16 file written by Windows
 * PowerShell 5.1 is named as such instead of failing with a bare decoder error or odd host names.
 */
public final class HostsFile {

    private HostsFile() {
    }

    /** @param name the {@code hostsFile} as the user gave it, for messages */
    public static TargetList parse(byte[] content, String name) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("hostsFile: '" + name + "' is not UTF-8 text"
                    + " (Windows PowerShell 5.1's Out-File and > write UTF-16: use Set-Content -Encoding UTF8)");
        }
        return TargetParser.parseLines(text.lines().toList(), name);
    }
}
