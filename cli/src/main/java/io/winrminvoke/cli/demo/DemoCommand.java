package io.winrminvoke.cli.demo;

import io.winrminvoke.cli.VersionProvider;
import io.winrminvoke.cli.CliEnvironment;
import io.winrminvoke.cli.ExitStatus;
import io.winrminvoke.cli.run.FleetExecution;
import io.winrminvoke.cli.run.RunCommand;
import io.winrminvoke.cli.run.RunInvocation;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code winrm-invoke demo}: starts twelve simulated Windows hosts in this process and runs a
 * deployment across them exactly as {@code run} would (same option parsing, validation, engine,
 * console and report directory). Needs nothing but Java.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Runs a deployment on 12 simulated Windows hosts started in this process; needs only Java.",
            "The hosts listen on loopback only: 7 deploy normally, 1 exits 3, 1 refuses connections,",
            "1 is slow, 1 answers in Japanese, 1 hangs until --command-timeout; host 0 prints the",
            "password, which the console and the reports mask."},
        footer = {"",
                "Exit status: 0 every host ended as the scenario intends (the demo worked); 1 otherwise."})
public final class DemoCommand implements Callable<Integer> {

    /** The variable the demo passes the simulated fleet's password in, as a user would. */
    static final String PASSWORD_VARIABLE = "WINRM_INVOKE_DEMO_PASSWORD";

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Where the reports go (default: a new directory under ./winrm-invoke-reports).")
    Path reportDir;

    @Option(names = {"-q", "--quiet"}, description = "No live [host] lines and no progress line.")
    boolean quiet;

    private final CliEnvironment environment;

    public DemoCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = environment.out();
        FleetConfig config = FleetConfig.builder()
                .hosts(DemoScenario.HOSTS)
                .user(DemoScenario.USER)
                .password(DemoScenario.PASSWORD)
                // as Windows ships: Basic off, AllowUnencrypted off; the default (NTLM, sealed) gets in
                .windowsDefaults()
                .scenario(Scenario.fromJson(DemoScenario.JSON))
                .build();
        Path inventory = Files.createTempFile("winrm-invoke-demo-", ".hosts");
        try (SimulatedFleet fleet = SimulatedFleet.start(config)) {
            writeInventory(fleet, inventory);
            List<String> runArgs = runArguments(inventory);
            out.println("Demo: " + DemoScenario.HOSTS + " simulated Windows hosts listen on 127.0.0.1 (loopback only)."
                    + " Running:");
            out.println("  " + PASSWORD_VARIABLE + "=**** winrm-invoke run " + String.join(" ", quoted(runArgs)));
            out.println();
            out.flush();

            RunResult result = runThroughRunCommand(runArgs);
            return verdict(result, out);
        } finally {
            Files.deleteIfExists(inventory);
        }
    }

    // The same path as `winrm-invoke run`: its option parsing, its validation, its execution.
    private RunResult runThroughRunCommand(List<String> runArgs) {
        Map<String, String> env = new HashMap<>(environment.env());
        env.put(PASSWORD_VARIABLE, DemoScenario.PASSWORD);
        CliEnvironment runEnvironment = new CliEnvironment(environment.out(), environment.err(), env,
                environment.terminal());
        RunCommand run = new RunCommand(runEnvironment);
        new CommandLine(run).parseArgs(runArgs.toArray(String[]::new));
        RunInvocation invocation = run.toInvocation().orElseThrow();
        return new FleetExecution(runEnvironment).execute(invocation);
    }

    private List<String> runArguments(Path inventory) {
        List<String> args = new ArrayList<>(List.of(
                "--hosts-file", inventory.toString(),
                "--user", DemoScenario.USER,
                "--password-env", PASSWORD_VARIABLE,
                "--command", DemoScenario.COMMAND));
        args.addAll(DemoScenario.RUN_OPTIONS);
        if (reportDir != null) {
            args.addAll(List.of("--report-dir", reportDir.toString()));
        }
        if (quiet) {
            args.add("--quiet");
        }
        return args;
    }

    private static void writeInventory(SimulatedFleet fleet, Path inventory) {
        List<String> lines = new ArrayList<>();
        lines.add("# winrm-invoke demo: simulated hosts, in scenario order");
        lines.addAll(fleet.inventory());
        try {
            Files.write(inventory, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int verdict(RunResult result, PrintWriter out) {
        List<String> surprises = new ArrayList<>();
        List<HostResult> hosts = result.hosts();
        for (int i = 0; i < hosts.size(); i++) {
            HostStatus expected = DemoScenario.EXPECTED.get(i);
            if (hosts.get(i).status() != expected) {
                surprises.add(hosts.get(i).target().display() + " ended " + hosts.get(i).status()
                        + ", the scenario intends " + expected);
            }
        }
        if (surprises.isEmpty()) {
            out.println("Demo: every host ended as the scenario intends.");
            out.flush();
            return ExitStatus.ALL_SUCCEEDED;
        }
        surprises.forEach(s -> out.println("Demo: unexpected: " + s));
        out.flush();
        return ExitStatus.SOME_FAILED;
    }

    private static List<String> quoted(List<String> args) {
        return args.stream().map(a -> a.contains(" ") ? "\"" + a + "\"" : a).toList();
    }
}
