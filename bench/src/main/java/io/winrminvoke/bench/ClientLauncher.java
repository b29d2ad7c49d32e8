package io.winrminvoke.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs one client as its users run it, under {@code /usr/bin/time} (whose wait4 rusage gives the
 * client process's own CPU and peak RSS), and collects the simulator's view of the run.
 */
final class ClientLauncher {
    /** Scripted hosts ignore the command line; a cmd.exe no-op keeps it honest for a real host. */
    static final String COMMAND = "rem bench";
    private static final String PASSWORD_VARIABLE = "BENCH_PASSWORD";

    private final Path pywinrmClient;
    private final Path python;
    private final Path workDir;
    private final boolean privateNetwork;
    private final List<Path> reportDirectories = new ArrayList<>();

    ClientLauncher(Path pywinrmClient, Path python, Path workDir, boolean privateNetwork) {
        this.pywinrmClient = pywinrmClient;
        this.python = python;
        this.workDir = workDir;
        this.privateNetwork = privateNetwork;
    }

    ClientRun run(SimulatorProcess simulator, BenchCase c, Tool tool, int repetition)
            throws IOException, InterruptedException {
        String name = c.id() + "-" + c.hosts() + "-" + tool.label() + "-" + repetition;
        Path dir = Files.createDirectories(workDir.resolve(name));
        Path inventory = Files.write(dir.resolve("inventory.txt"), simulator.inventory().subList(0, c.hosts()),
                StandardCharsets.UTF_8);
        Path times = dir.resolve("time.txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", times.toString()));
        if (tool.isEngine()) {
            command.addAll(tool.launch());
            command.addAll(List.of("run", "--hosts-file", inventory.toString(),
                    "--user", SimulatorProcess.USER, "--password-env", PASSWORD_VARIABLE, "--command", COMMAND,
                    "--throttle", Integer.toString(c.throttle()), "--quiet",
                    // the simulator speaks Basic over plain HTTP, as pywinrm's transport='basic' uses it
                    "--auth", "basic", "--allow-unencrypted",
                    "--report-dir", dir.resolve("reports").toString()));
        } else {
            command.addAll(List.of(python.toString(), pywinrmClient.toString(), inventory.toString(),
                    Integer.toString(c.throttle()), SimulatorProcess.USER, COMMAND));
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("client.out").toFile());
        pb.environment().put(PASSWORD_VARIABLE, SimulatorProcess.PASSWORD);

        simulator.requestsSinceLastCall(); // whatever came before this run is not its
        double simulatorCpuBefore = simulator.cpuSeconds();
        long opensBefore = TcpCounter.activeOpens();
        long start = System.nanoTime();
        int status = pb.start().waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        long connections = privateNetwork ? TcpCounter.activeOpens() - opensBefore : -1;
        double simulatorCpu = simulator.cpuSeconds() - simulatorCpuBefore;
        RequestCounts requests = simulator.requestsSinceLastCall();

        // GNU time writes "Command exited with non-zero status N" before the figures when N != 0
        List<String> lines = Files.readAllLines(times);
        String[] f = lines.get(lines.size() - 1).trim().split(" ");
        if (f.length != 4) {
            throw new IOException(name + ": unexpected /usr/bin/time output " + lines);
        }
        // Up to 200 MiB of transcripts per run of case c: emptied now, deleted when the benchmark
        // ends. Deleted now, the next run's files would be created where ext4 skips over thousands
        // of recently deleted inodes (find_inode_bit: 20 % of our client's CPU in case b), a cost
        // of this harness, not of a run.
        emptyFiles(dir.resolve("reports"));
        reportDirectories.add(dir.resolve("reports"));
        return new ClientRun(c, tool, repetition, wall, Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Long.parseLong(f[3]), status, requests.requests(), requests.receives(), requests.maxOnOneHost(),
                connections, simulatorCpu);
    }

    /** Deletes the report directories of every run so far. */
    void deleteReports() throws IOException {
        for (Path reports : reportDirectories) {
            deleteTree(reports);
        }
        reportDirectories.clear();
    }

    private static void emptyFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                Files.write(p, new byte[0]); // truncates: frees the blocks, keeps the inode
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
