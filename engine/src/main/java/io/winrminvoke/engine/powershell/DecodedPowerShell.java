package io.winrminvoke.engine.powershell;

import io.winrminvoke.engine.run.CommandSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PowerShell command built by {@link PowerShellCommand} carries, decoded for a person to
 * read (the dry run): the wrapper behind {@code -EncodedCommand}, and the script and arguments it
 * unpacks, whether they travel in the wrapper or on stdin.
 *
 * @param wrapper the wrapper script, as PowerShell decodes it from {@code -EncodedCommand}
 * @param payload the user's script and its arguments
 * @param onStdin whether the payload travels on stdin (arguments, or a script too long for the command line)
 */
public record DecodedPowerShell(String wrapper, Payload payload, boolean onStdin) {

    /** The script the wrapper runs and the arguments it splats onto it (values not masked here). */
    public record Payload(Map<String, String> arguments, String script) {

        public Payload {
            arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
        }
    }

    private static final Pattern ENCODED_COMMAND = Pattern.compile(" -EncodedCommand ([A-Za-z0-9+/=]+)$");
    private static final Pattern INLINE_PAYLOAD = Pattern.compile("\\[Convert\\]::FromBase64String\\('([A-Za-z0-9+/=]*)'\\)");

    /** The decoded form of {@code spec}, or empty when it is not a wrapped PowerShell command. */
    public static Optional<DecodedPowerShell> of(CommandSpec spec) {
        Matcher encoded = ENCODED_COMMAND.matcher(spec.command());
        if (!encoded.find()) {
            return Optional.empty();
        }
        String wrapper = new String(Base64.getDecoder().decode(encoded.group(1)), StandardCharsets.UTF_16LE);
        if (wrapper.contains(WrapperScript.FROM_STDIN) && spec.stdin() != null) {
            byte[] payload = Base64.getMimeDecoder().decode(spec.stdin());
            return Optional.of(new DecodedPowerShell(wrapper, ScriptPayload.decode(payload), true));
        }
        Matcher inline = INLINE_PAYLOAD.matcher(wrapper);
        if (!inline.find()) {
            return Optional.empty();
        }
        byte[] payload = Base64.getDecoder().decode(inline.group(1));
        return Optional.of(new DecodedPowerShell(wrapper, ScriptPayload.decode(payload), false));
    }
}
