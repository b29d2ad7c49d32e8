package io.winrminvoke.engine.winrm.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Starts a command in a shell.
 *
 * @param skipCmdShell WINRS_SKIP_CMD_SHELL: run the program directly instead of through cmd.exe
 * @param stdinPiped   stdin will be sent: WINRS_CONSOLEMODE_STDIN FALSE gives the command a pipe
 */
public record CommandRequest(String shellId, String command, List<String> arguments, boolean skipCmdShell,
                             boolean stdinPiped)
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
        // TRUE (pywinrm's default) gives the command a console stdin, so nothing waits on an
        // input pipe; when we do send stdin it must be a pipe, or PowerShell's [Console]::In and
        // $input never see it (Ansible sets FALSE whenever it streams stdin, for that reason).
        options.put("WINRS_CONSOLEMODE_STDIN", stdinPiped ? "FALSE" : "TRUE");
        options.put("WINRS_SKIP_CMD_SHELL", skipCmdShell ? "TRUE" : "FALSE");
        return EnvelopeWriter.write(context, action(), shellId, options, xml -> {
            xml.markup("<rsp:CommandLine><rsp:Command>").text(command).markup("</rsp:Command>");
            for (String argument : arguments) {
                xml.markup("<rsp:Arguments>").text(argument).markup("</rsp:Arguments>");
            }
            xml.markup("</rsp:CommandLine>");
        });
    }
}
