package io.winrminvoke.engine.powershell;

import io.winrminvoke.engine.options.InvalidInputException;
import io.winrminvoke.engine.run.CommandSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PowerShell script to run on every host, with named arguments, turned into the
 * {@link CommandSpec} that runs it: {@code powershell.exe -NoProfile -NonInteractive
 * -ExecutionPolicy Bypass -EncodedCommand <wrapper>} (docs/powershell.md). The wrapper fixes the
 * output encoding, error handling and exit code. Short scripts without arguments travel inside the
 * command line; anything else (arguments, or a command line that would pass the 8191-character
 * limit) travels on stdin, base64-encoded, never truncated. Argument values never appear in the
 * command line, which process-creation auditing records and other tools can read.
 *
 * <p>{@link #toString()} names the arguments but never shows their values. The caller registers
 * secret values (the credential's password) with the run's masker.
 *
 * @param script          the script text, as the user wrote it (may declare {@code param(...)})
 * @param arguments       parameter name to value, splatted onto the script as strings; PowerShell
 *                        converts them to the types the script's {@code param} block declares
 * @param edition         Windows PowerShell ({@code powershell.exe}) or PowerShell 7 ({@code pwsh.exe})
 * @param errorActionStop run with {@code $ErrorActionPreference = 'Stop'}: every error ends the
 *                        script with exit code 1
 */
public record PowerShellCommand(String script, Map<String, String> arguments, PowerShellEdition edition,
                                boolean errorActionStop) {

    /** cmd.exe's limit on the whole command line (WinRS runs the command through cmd.exe). */
    public static final int MAX_COMMAND_LINE_CHARS = 8191;

    /** What a parameter name may be: a letter or '_', then letters, digits or '_'. */
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public PowerShellCommand {
        if (script == null || script.isBlank()) {
            throw new InvalidInputException("powershell script: must not be empty");
        }
        requireWellFormed(script, "powershell script");
        arguments = validated(arguments == null ? Map.of() : arguments);
        edition = edition == null ? PowerShellEdition.WINDOWS_POWERSHELL : edition;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The command that runs this script through the wrapper, output decoded as UTF-8. */
    public CommandSpec toCommandSpec() {
        byte[] payload = ScriptPayload.encode(script, arguments);
        if (arguments.isEmpty()) {
            String inline = commandLine(WrapperScript.inline(payload, errorActionStop));
            if (inline.length() <= MAX_COMMAND_LINE_CHARS) {
                return spec(inline, null, "");
            }
        }
        String bootstrap = commandLine(WrapperScript.stdinBootstrap(payload.length, errorActionStop));
        if (bootstrap.length() > MAX_COMMAND_LINE_CHARS) {
            // The bootstrap is a fixed text plus the payload's length in digits: cannot happen.
            throw new IllegalStateException("stdin bootstrap is " + bootstrap.length() + " characters");
        }
        return spec(bootstrap, WrapperScript.stdinBytes(payload), ", sent on stdin");
    }

    private CommandSpec spec(String commandLine, byte[] stdin, String how) {
        String description = edition.executable() + " script (" + script.length() + " characters"
                + (arguments.isEmpty() ? "" : ", arguments " + String.join(", ", arguments.keySet())) + how + ")";
        return new CommandSpec(commandLine, List.of(), false, stdin, CommandSpec.UTF8_CODEPAGE, true, description);
    }

    private String commandLine(String wrapper) {
        String encoded = Base64.getEncoder().encodeToString(wrapper.getBytes(StandardCharsets.UTF_16LE));
        return edition.executable() + " -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand " + encoded;
    }

    private static Map<String, String> validated(Map<String, String> arguments) {
        Map<String, String> copy = new LinkedHashMap<>();
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        arguments.forEach((name, value) -> {
            if (name == null || !PARAMETER_NAME.matcher(name).matches()) {
                throw InvalidInputException.forOption("powershell argument name", name,
                        "a PowerShell parameter name: a letter or '_' followed by letters, digits or '_'");
            }
            String clash = byLowerCase.put(name.toLowerCase(Locale.ROOT), name);
            if (clash != null) {
                throw InvalidInputException.forOption("powershell argument name", name,
                        "names are case-insensitive in PowerShell and '" + clash + "' is already given");
            }
            if (value == null) {
                throw new InvalidInputException("powershell argument '" + name + "': has no value (use \"\" for empty)");
            }
            requireWellFormed(value, "powershell argument '" + name + "'");
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Text with a lone surrogate has no UTF-8 form; encoding it would silently put '?' in its place. */
    private static void requireWellFormed(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(what + ": invalid text: unpaired UTF-16 surrogate at character " + i
                        + "; only well-formed Unicode text can be sent");
            }
        }
    }

    @Override
    public String toString() {
        return "PowerShellCommand[" + edition.executable() + ", " + script.length() + " characters, arguments "
                + arguments.keySet() + ", errorActionStop=" + errorActionStop + "]";
    }

    /** Builds a {@link PowerShellCommand}; defaults: Windows PowerShell, errorActionStop on, no arguments. */
    public static final class Builder {
        private String script;
        private Map<String, String> arguments = Map.of();
        private PowerShellEdition edition = PowerShellEdition.WINDOWS_POWERSHELL;
        private boolean errorActionStop = true;

        private Builder() {
        }

        public Builder script(String script) {
            this.script = script;
            return this;
        }

        /** Parameter name to value; iteration order is kept (it does not matter to PowerShell). */
        public Builder arguments(Map<String, String> arguments) {
            this.arguments = Objects.requireNonNull(arguments, "arguments");
            return this;
        }

        public Builder edition(PowerShellEdition edition) {
            this.edition = Objects.requireNonNull(edition, "edition");
            return this;
        }

        public Builder errorActionStop(boolean errorActionStop) {
            this.errorActionStop = errorActionStop;
            return this;
        }

        public PowerShellCommand build() {
            return new PowerShellCommand(script, arguments, edition, errorActionStop);
        }
    }
}
