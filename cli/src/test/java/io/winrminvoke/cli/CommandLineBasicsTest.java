package io.winrminvoke.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.cli.InProcessCli.Outcome;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.retry.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    /**
     * Picocli formats descriptions with String.format: a lone '%' (as in "10%") made every
     * {@code --help} print "[picocli WARN] Could not format ..." lines on stderr (picocli's own
     * stream, not the tool's). The help must show the percent signs and picocli must warn of nothing.
     */
    @Test
    void helpShowsPercentSignsWithoutPicocliWarnings() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream picocliErr = new ByteArrayOutputStream();
        Outcome run;
        Outcome demo;
        System.setErr(new PrintStream(picocliErr, true, StandardCharsets.UTF_8));
        try {
            run = InProcessCli.run(Map.of(), "run", "--help");
            demo = InProcessCli.run(Map.of(), "demo", "--help");
        } finally {
            System.setErr(stderr);
        }

        assertThat(run.out()).contains("1,10%,100%", "P% of the hosts");
        assertThat(demo.exitStatus()).isZero();
        assertThat(picocliErr.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
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
    void runHelpStatesTheEngineDefaults() {
        Outcome outcome = InProcessCli.run(Map.of(), "run", "--help");

        // the help text is written by hand; this keeps it from drifting away from the engine
        assertThat(outcome.out().replaceAll("\\s+", " "))
                .contains("(default " + RunOptions.DEFAULT_THROTTLE + ", as Invoke-Command)")
                .contains("(default " + (RetryPolicy.DEFAULT_MAX_ATTEMPTS - 1) + ")")
                .contains("doubles after each (default " + RetryPolicy.DEFAULT_INITIAL_DELAY.toSeconds() + "s)")
                .contains("connect timeout (default " + RunOptions.DEFAULT_CONNECT_TIMEOUT.toSeconds() + "s)")
                .contains("(default " + RunOptions.DEFAULT_OPERATION_TIMEOUT.toSeconds() + "s)");
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
