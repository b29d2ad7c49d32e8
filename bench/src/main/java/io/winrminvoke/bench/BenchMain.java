package io.winrminvoke.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The benchmark: for each simulator behaviour, one standalone simulator; against it, every case
 * of that behaviour with both clients, interleaved (A B, then B A) so both see the same noise of a
 * shared machine. Prints a table and, last, issue 12's figures on one line.
 */
@Command(name = "bench/run", mixinStandardHelpOptions = true,
        description = "winrm-invoke's CLI against pywinrm on the simulator (docs/benchmarks.md).")
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--quick", description = "small N, one repetition, no warm-up: a smoke test")
    boolean quick;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "3", description = "repetitions of each case (full mode; default 3)")
    int repeat;

    @Option(names = "--cli-jar", paramLabel = "JAR", defaultValue = "cli/target/winrm-invoke.jar")
    Path cliJar;

    @Option(names = "--engine-variant", paramLabel = "LABEL=COMMAND",
            description = "also run our CLI started this way (the command before 'run ...', split at spaces), "
                    + "interleaved with the others, e.g. script=cli/target/bin/winrm-invoke; repeatable")
    List<String> variants = new ArrayList<>();

    @Option(names = "--cases", paramLabel = "IDS", split = ",",
            description = "only these cases (a, b, c, sweep); the figures line needs a, b, c and sweep; "
                    + "the chart then goes into the results directory")
    List<String> onlyCases;

    @Option(names = "--simulator-jar", paramLabel = "JAR", defaultValue = "simulator/target/winrm-simulator.jar")
    Path simulatorJar;

    @Option(names = "--pywinrm-client", paramLabel = "PY", defaultValue = "bench/src/main/python/pywinrm_fleet.py")
    Path pywinrmClient;

    @Option(names = "--python", paramLabel = "PYTHON", defaultValue = "/usr/bin/python3",
            description = "the Python with Debian's python3-winrm")
    Path python;

    @Option(names = "--out", paramLabel = "DIR", description = "where runs, logs and the CSV go (default bench/target/results/<time>)")
    Path out;

    @Option(names = "--chart", paramLabel = "SVG", description = "the chart to write (default docs/benchmarks.svg; with --quick <out>/chart.svg)")
    Path chart;

    @Option(names = "--private-network", description = "the harness runs in a network namespace of its own (bench/run "
            + "arranges it): TCP connections are then counted")
    boolean privateNetwork;

    private final PrintStream console;

    BenchMain(PrintStream console) {
        this.console = console;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain(System.out)).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Tool> tools = new ArrayList<>();
        tools.add(Tool.engine(cliJar));
        for (String variant : variants) {
            tools.add(Tool.variant(variant));
        }
        tools.add(Tool.PYWINRM);
        BenchPlan plan = quick ? BenchPlan.quick(tools) : BenchPlan.full(repeat, tools);
        if (onlyCases != null) {
            plan = plan.only(onlyCases);
        }
        for (Path file : List.of(cliJar, simulatorJar, pywinrmClient, python)) {
            if (!Files.isRegularFile(file)) {
                console.println("bench/run: " + file + " does not exist (build with: mvn -B -q -pl bench -am package -DskipTests)");
                return 2;
            }
        }
        Path dir = out != null ? out : Path.of("bench", "target", "results",
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now()));
        Files.createDirectories(dir);
        // only a full run of every case replaces the committed chart
        Path chartFile = chart != null ? chart : quick || onlyCases != null ? dir.resolve("chart.svg")
                : Path.of("docs", "benchmarks.svg");
        String loadBefore = loadAverage();
        console.println("bench: " + (quick ? "quick" : "full") + ", " + plan.repetitions() + " repetition(s), "
                + Runtime.getRuntime().availableProcessors() + " CPUs, load average " + loadBefore + ", results in " + dir);

        BenchResults results = new BenchResults();
        ClientLauncher launcher = new ClientLauncher(pywinrmClient, python, dir, privateNetwork);
        try {
            runAll(plan, launcher, results, dir);
        } finally {
            launcher.deleteReports();
        }
        List<String> table = ResultTable.rows(plan, results);
        Files.write(dir.resolve("runs.csv"), ResultTable.csv(results), StandardCharsets.UTF_8);
        List<BenchCase> instant = plan.cases().stream()
                .filter(c -> c.behaviour().equals(FleetBehaviour.instant()))
                .sorted(Comparator.comparingInt(BenchCase::hosts)).toList();
        String loadAfter = loadAverage();
        if (!instant.isEmpty()) {
            if (chartFile.getParent() != null) {
                Files.createDirectories(chartFile.getParent());
            }
            Files.writeString(chartFile, SvgChart.render(instant, List.of(plan.engine(), Tool.PYWINRM), results,
                    "instant scripted command, throttle " + instant.get(0).throttle() + ", median of "
                    + plan.repetitions() + " (load average " + loadBefore + " before, " + loadAfter + " after)"));
        }
        List<String> figureLines = new ArrayList<>();
        if (plan.hasFigures()) {
            for (Tool variant : plan.tools().subList(1, plan.tools().size() - 1)) {
                figureLines.add(variant.label() + " by the same definitions: " + Figures.of(variant, plan, results).line());
            }
            figureLines.add("for comparison, pywinrm by the same definitions: "
                    + Figures.of(Tool.PYWINRM, plan, results).line());
            figureLines.add(Figures.from(plan, results).line());
        } else {
            figureLines.add("no figures line: it needs the cases a, b, c and sweep");
        }
        List<String> saved = new ArrayList<>(table);
        saved.add(figureLines.get(figureLines.size() - 1));
        Files.write(dir.resolve("table.txt"), saved, StandardCharsets.UTF_8);

        console.println();
        table.forEach(console::println);
        long failed = results.runs().stream().filter(r -> !r.succeeded()).count();
        console.println("load average before " + loadBefore + ", after " + loadAfter + "; chart " + chartFile
                + "; every run in " + dir.resolve("runs.csv"));
        if (failed > 0) {
            console.println("WARNING: " + failed + " run(s) did not succeed on every host (see client.out in " + dir + ")");
        }
        figureLines.forEach(console::println);
        return failed > 0 ? 1 : 0;
    }

    private void runAll(BenchPlan plan, ClientLauncher launcher, BenchResults results, Path dir)
            throws IOException, InterruptedException {
        for (Map.Entry<FleetBehaviour, List<BenchCase>> group : plan.byBehaviour().entrySet()) {
            List<BenchCase> cases = group.getValue();
            int hosts = cases.stream().mapToInt(BenchCase::hosts).max().orElseThrow();
            try (SimulatorProcess simulator = SimulatorProcess.start(simulatorJar, group.getKey(), hosts,
                    dir.resolve("simulator-" + group.getKey().name()))) {
                if (plan.warmUp()) {
                    // the simulator's JIT warms up here, not in the first measured run of either tool
                    BenchCase largest = cases.stream().max(Comparator.comparingInt(BenchCase::hosts)).orElseThrow();
                    for (Tool tool : plan.tools()) {
                        launcher.run(simulator, largest, tool, 0);
                    }
                }
                for (int rep = 1; rep <= plan.repetitions(); rep++) {
                    for (BenchCase c : cases) {
                        for (Tool tool : plan.order(rep)) {
                            ClientRun run = launcher.run(simulator, c, tool, rep);
                            results.add(run);
                            console.println(progress(run));
                        }
                    }
                }
            }
        }
    }

    private static String progress(ClientRun r) {
        return String.format(Locale.ROOT, "%-40s %-12s #%d exit %d wall %6.2f s cpu %6.2f s rss %5.0f MB req/host %.2f%s sim cpu %.2f s",
                r.benchCase().label(), r.tool().label(), r.repetition(), r.exitStatus(), r.wallSeconds(), r.cpuSeconds(),
                r.peakRssMb(), r.requestsPerHost(),
                r.connections() < 0 ? "" : String.format(Locale.ROOT, " tcp/host %.2f", r.connectionsPerHost()),
                r.simulatorCpuSeconds());
    }

    private static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }
}
