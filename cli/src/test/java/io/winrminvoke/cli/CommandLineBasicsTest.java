package io.winrminvoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.cli.InProcessCli.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the tool says about itself, and the exit status when it is given nothing to do. */
class CommandLineBasicsTest {

    @Test
    void versionNamesTheTool() {
        Outcome outcome = InProcessCli.run(Map.of(), "--version");

        assertThat(outcome.exitStatus()).isZero();
        assertThat(outcome.out()).startsWith("winrm-invoke ");
    }

    @Test
    void runHelpListsTheContractOptions() {
        Outcome outcome = InProcessCli.run(Map.of(), "run", "--help");

        assertThat(outcome.exitStatus()).isZero();
        assertThat(outcome.out()).contains("--hosts-file", "--host", "--user", "--password-env", "--command",
                "--powershell", "--powershell-file", "--https", "--port", "--throttle", "--retries", "--retry-delay",
                "--connect-timeout", "--command-timeout", "--timeout", "--report-dir", "--rerun-failed");
    }

    @Test
    void noSubcommandIsInvalidInput() {
        Outcome outcome = InProcessCli.run(Map.of());

        assertThat(outcome.exitStatus()).isEqualTo(ExitStatus.INVALID_INPUT);
        assertThat(outcome.errLines()).hasSize(1);
        assertThat(outcome.errLines().get(0)).contains("run or demo");
    }

    @Test
    void unknownSubcommandIsOneLineAndExitTwo() {
        Outcome outcome = InProcessCli.run(Map.of(), "deploy");

        assertThat(outcome.exitStatus()).isEqualTo(ExitStatus.INVALID_INPUT);
        assertThat(outcome.errLines()).hasSize(1);
        assertThat(outcome.errLines().get(0)).startsWith("winrm-invoke: ").contains("deploy");
    }
}
