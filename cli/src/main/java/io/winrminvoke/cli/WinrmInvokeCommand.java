package io.winrminvoke.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The top-level {@code winrm-invoke} command; the work is done by its subcommands. */
@Command(name = "winrm-invoke",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs one command or PowerShell script on many Windows hosts at once over WinRM.",
        footer = {"",
                "Exit status: 0 every host succeeded; 1 at least one host did not; 2 invalid input "
                        + "(no host contacted)."})
public final class WinrmInvokeCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    public WinrmInvokeCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        environment.err().println("winrm-invoke: missing subcommand: run or demo (see 'winrm-invoke --help')");
        environment.err().flush();
        return ExitStatus.INVALID_INPUT;
    }
}
