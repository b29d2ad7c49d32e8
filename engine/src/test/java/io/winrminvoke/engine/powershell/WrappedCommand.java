package io.winrminvoke.engine.powershell;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes a wrapped command apart the way PowerShell on the host does, written independently of the
 * production encoder: the command line's -EncodedCommand, the payload (inline literal or stdin
 * base64 lines), the argument line and the script bytes.
 */
record WrappedCommand(String commandLine, String decodedScript, byte[] payload) {

    private static final Pattern ENCODED = Pattern.compile(" -EncodedCommand ([A-Za-z0-9+/=]+)$");
    private static final Pattern INLINE_LITERAL = Pattern.compile("\\$__wiPayload = \\[Convert]::FromBase64String\\('([A-Za-z0-9+/=]*)'\\)");

    /** From what reached the host: the command line and the bytes written to stdin (or null). */
    static WrappedCommand of(String commandLine, byte[] stdin) {
        Matcher m = ENCODED.matcher(commandLine);
        if (!m.find()) {
            throw new AssertionError("no -EncodedCommand in " + commandLine);
        }
        String script = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_16LE);
        byte[] payload;
        if (stdin != null) {
            // .NET's FromBase64String skips whitespace; the JDK's MIME decoder does the same.
            payload = Base64.getMimeDecoder().decode(stdin);
        } else {
            Matcher literal = INLINE_LITERAL.matcher(script);
            if (!literal.find()) {
                throw new AssertionError("no inline payload literal in\n" + script);
            }
            payload = Base64.getDecoder().decode(literal.group(1));
        }
        return new WrappedCommand(commandLine, script, payload);
    }

    private int lineEnd() {
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == '\n') {
                return i;
            }
        }
        throw new AssertionError("payload has no line feed");
    }

    /** The user's script, decoded from exactly the bytes after the argument line. */
    String script() {
        return new String(scriptBytes(), StandardCharsets.UTF_8);
    }

    byte[] scriptBytes() {
        return Arrays.copyOfRange(payload, lineEnd() + 1, payload.length);
    }

    String argumentLine() {
        return new String(payload, 0, lineEnd(), StandardCharsets.US_ASCII);
    }

    Map<String, String> arguments() {
        Map<String, String> args = new LinkedHashMap<>();
        for (String pair : argumentLine().split(";")) {
            if (!pair.isEmpty()) {
                String[] nameValue = pair.split(":", -1);
                args.put(nameValue[0], new String(Base64.getDecoder().decode(nameValue[1]), StandardCharsets.UTF_8));
            }
        }
        return args;
    }

    /** The payload length the wrapper checks before running anything. */
    int declaredPayloadLength() {
        Matcher m = Pattern.compile("if \\(\\$__wiPayload.Length -ne (\\d+)\\)").matcher(decodedScript);
        if (!m.find()) {
            throw new AssertionError("no length check in\n" + decodedScript);
        }
        return Integer.parseInt(m.group(1));
    }
}
