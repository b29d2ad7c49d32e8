package io.winrminvoke.engine.winrm.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Starts a command in a shell.
 *
 * @param skipCmdShell WINRS_SKIP_CMD_SHELL: run the program directly instead of through cmd.exe
 */
public record CommandRequest(String shellId, String command, List<String> arguments, boolean skipCmdShell)
        implements WsmanRequest {

    public CommandRequest {
        Objects.requireNonNull(shellId, "shellId");
        Objects.requireNonNull(command, "command");
        arguments = List.copyOf(arguments);
    }

    @Override
    public WsmanAction action() {
        return WsmanAction.COMMAND;
    }

    @Override
    public SoapRequest toSoap(RequestContext context) {
        Map<String, String> options = new LinkedHashMap<>();
        // Stdin comes from Send requests, not a console: without this cmd.exe waits on a console.
        options.put("WINRS_CONSOLEMODE_STDIN", "TRUE");
        options.put("WINRS_SKIP_CMD_SHELL", skipCmdShell ? "TRUE" : "FALSE");
        return EnvelopeWriter.write(context, action(), shellId, options, xml -> {
            xml.writeStartElement(Namespaces.SHELL, "CommandLine");
            xml.writeStartElement(Namespaces.SHELL, "Command");
            xml.writeCharacters(command);
            xml.writeEndElement();
            for (String argument : arguments) {
                xml.writeStartElement(Namespaces.SHELL, "Arguments");
                xml.writeCharacters(argument);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }
}
