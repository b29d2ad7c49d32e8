package io.winrminvoke.cli;

import io.winrminvoke.cli.demo.DemoCommand;
import io.winrminvoke.cli.run.RunCommand;
import io.winrminvoke.engine.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Builds the picocli command tree and runs it. Every way the input can be wrong ends the same
 * way: one line on stderr naming the problem, exit status 2, no host contacted.
 */
public final class WinrmInvokeCli {

    private WinrmInvokeCli() {
    }

    /** Runs the tool with {@code args} and returns its exit status (see {@link ExitStatus}). */
    public static int execute(CliEnvironment environment, String... args) {
        CommandLine commandLine = new CommandLine(new WinrmInvokeCommand(environment))
                .addSubcommand("run", new RunCommand(environment))
                .addSubcommand("demo", new DemoCommand(environment));
        commandLine.setOut(environment.out());
        commandLine.setErr(environment.err());
        commandLine.setParameterExceptionHandler(WinrmInvokeCli::reportParseError);
        commandLine.setExecutionExceptionHandler(WinrmInvokeCli::reportExecutionError);
        return commandLine.execute(args);
    }

    // picocli's default prints the message and the whole usage text; one line and a hint is clearer.
    private static int reportParseError(ParameterException ex, String[] args) {
        CommandLine failing = ex.getCommandLine();
        String qualifiedName = failing.getCommandSpec().qualifiedName();
        failing.getErr().println("winrm-invoke: " + oneLine(ex.getMessage())
                + " (see '" + qualifiedName + " --help')");
        failing.getErr().flush();
        return ExitStatus.INVALID_INPUT;
    }

    private static int reportExecutionError(Exception ex, CommandLine failing, ParseResult parseResult) {
        if (ex instanceof InvalidInputException) {
            failing.getErr().println("winrm-invoke: " + oneLine(ex.getMessage()));
            failing.getErr().flush();
            return ExitStatus.INVALID_INPUT;
        }
        failing.getErr().println("winrm-invoke: internal error: " + oneLine(String.valueOf(ex)));
        failing.getErr().flush();
        return ExitStatus.INTERNAL_ERROR;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
