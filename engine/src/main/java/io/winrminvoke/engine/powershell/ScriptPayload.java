package io.winrminvoke.engine.powershell;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The bytes the wrapper script unpacks on the host: one ASCII line listing the arguments as
 * {@code Name:Base64(UTF-8 value)} pairs separated by {@code ;}, a line feed, then the user's
 * script in UTF-8, byte for byte. Values travel base64-encoded so no character in them can end a
 * literal or start an expression; names are validated identifiers, so the line needs no quoting.
 */
final class ScriptPayload {

    private ScriptPayload() {
    }

    static byte[] encode(String script, Map<String, String> arguments) {
        StringBuilder header = new StringBuilder();
        arguments.forEach((name, value) -> {
            if (header.length() > 0) {
                header.append(';');
            }
            header.append(name).append(':')
                    .append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        });
        header.append('\n');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(script.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
