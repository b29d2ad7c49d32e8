package io.winrminvoke.engine.powershell;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes the wrapper script unpacks on the host: one ASCII line listing the arguments as
 * {@code Name:Base64(UTF-8 value)} pairs separated by {@code ;}, a line feed, then the user's
 * script in UTF-8, byte for byte. Values travel base64-encoded so no character in them can end a
 * literal or start an expression; names are validated identifiers, so the line needs no quoting.
 * {@link #decode} reads it back, for the dry run.
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

    /** The inverse of {@link #encode}: the arguments (name to value) and the script. */
    static DecodedPowerShell.Payload decode(byte[] payload) {
        int end = 0;
        while (end < payload.length && payload[end] != '\n') {
            end++;
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        String header = new String(payload, 0, end, StandardCharsets.US_ASCII);
        for (String pair : header.split(";")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                arguments.put(pair.substring(0, colon), new String(
                        Base64.getDecoder().decode(pair.substring(colon + 1)), StandardCharsets.UTF_8));
            }
        }
        int start = Math.min(end + 1, payload.length);
        return new DecodedPowerShell.Payload(arguments,
                new String(payload, start, payload.length - start, StandardCharsets.UTF_8));
    }
}
