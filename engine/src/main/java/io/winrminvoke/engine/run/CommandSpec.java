package io.winrminvoke.engine.run;

import java.util.List;
import java.util.Objects;

/**
 * What to run on every host, after any wrapping (PowerShell encoding) has been done.
 *
 * @param command      the program or cmd.exe command line
 * @param arguments    extra arguments sent as rsp:Arguments (may be empty)
 * @param skipCmdShell run {@code command} directly instead of through cmd.exe
 * @param stdin        bytes written to the command's stdin and then closed, or null for none
 * @param codepage     WINRS_CODEPAGE of the shell, also the charset output is decoded with
 * @param clixmlStderr stderr carries PowerShell {@code #< CLIXML} records to be turned into text
 * @param description  how the command is shown to users (never contains a secret)
 */
public record CommandSpec(String command, List<String> arguments, boolean skipCmdShell, byte[] stdin,
                          int codepage, boolean clixmlStderr, String description) {

    public static final int UTF8_CODEPAGE = 65001;

    public CommandSpec {
        Objects.requireNonNull(command, "command");
        arguments = List.copyOf(arguments);
        description = description == null ? command : description;
    }

    /** A plain command line run through cmd.exe, output in UTF-8. */
    public static CommandSpec commandLine(String commandLine) {
        return new CommandSpec(commandLine, List.of(), false, null, UTF8_CODEPAGE, false, commandLine);
    }
}
