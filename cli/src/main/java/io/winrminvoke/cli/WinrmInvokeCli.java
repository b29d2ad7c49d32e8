package io.winrminvoke.cli;

import io.winrminvoke.cli.demo.DemoCommand;
import io.winrminvoke.cli.run.RunCommand;
import io.winrminvoke.engine.InvalidInputException;
import picocli.CommandLine;
import io.winrminvoke.engine.mask.SecretMasker;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Builds the picocli command tree and runs it. Every way the input can be wrong ends the same
 * way: one line on stderr naming the problem, exit status 2, no host contacted.
 */
public final class WinrmInvokeCli {

    private static final String PASSWORD_ENV = "--password-env";

    private WinrmInvokeCli() {
    }

    /** Runs the tool with {@code args} and returns its exit status (see {@link ExitStatus}). */
    public static int execute(CliEnvironment environment, String... args) {
        CommandLine commandLine = new CommandLine(new WinrmInvokeCommand(environment))
                .addSubcommand("run", new RunCommand(environment))
                .addSubcommand("demo", new DemoCommand(environment));
        commandLine.setOut(environment.out());
        commandLine.setErr(environment.err());
        commandLine.setParameterExceptionHandler((ex, given) -> reportParseError(ex, given, environment));
        commandLine.setExecutionExceptionHandler(WinrmInvokeCli::reportExecutionError);
        return commandLine.execute(args);
    }

    // picocli's default prints the message and the whole usage text; one line and a hint is clearer.
    private static int reportParseError(ParameterException ex, String[] args, CliEnvironment environment) {
        CommandLine failing = ex.getCommandLine();
        String qualifiedName = failing.getCommandSpec().qualifiedName();
        // picocli quotes values it cannot convert (--throttle "$PW"): mask the password if we can find it
        String message = passwordMasker(args, environment).mask(oneLine(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            // picocli quotes every unmatched token, values too: someone who typed
            // "--password s3cret" out of habit must not find the password in the build log
            List<String> options = unmatched.getUnmatched().stream()
                    .filter(token -> token.startsWith("-"))
                    .map(token -> token.contains("=") ? token.substring(0, token.indexOf('=')) + "=..." : token)
                    .toList();
            if (!options.isEmpty()) {
                message = "unknown option(s): " + String.join(", ", options);
            } else if (failing.getParent() == null && args.length > 0 && !args[0].startsWith("-")) {
                message = "unknown command '" + args[0] + "': use run or demo"; // a command name, not a value
            } else {
                message = "unexpected argument(s)";
            }
            if (options.stream().anyMatch(o -> o.startsWith("--password") && !o.startsWith("--password-"))) {
                message += "; the password is never taken from the command line: use --password-env VAR";
            }
        }
        failing.getErr().println("winrm-invoke: " + message + " (see '" + qualifiedName + " --help')");
        failing.getErr().flush();
        return ExitStatus.INVALID_INPUT;
    }

    /** Masks the value of the variable named by {@code --password-env}, if the arguments name one that is set. */
    private static SecretMasker passwordMasker(String[] args, CliEnvironment environment) {
        List<String> passwords = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith(PASSWORD_ENV + "=") ? args[i].substring(PASSWORD_ENV.length() + 1)
                    : args[i].equals(PASSWORD_ENV) && i + 1 < args.length ? args[i + 1] : null;
            String password = name == null ? null : environment.env().get(name);
            if (password != null && !password.isEmpty()) {
                passwords.add(password);
            }
        }
        return SecretMasker.of(passwords);
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

    /** Text collapsed to one line (messages go into one console or table line). */
    public static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
