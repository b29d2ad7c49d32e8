package io.winrminvoke.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The standalone simulator ({@code java -jar winrm-simulator.jar}) as a separate process, so that
 * its CPU and memory are never counted as a client's. Reads its request log as it grows.
 */
final class SimulatorProcess implements AutoCloseable {
    static final String USER = "bench";
    static final String PASSWORD = "bench-password";
    /** Linux reports process CPU in clock ticks of 1/100 s (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100;

    private final Process process;
    private final List<String> inventory;
    private final Path requestLog;
    private final ObjectMapper json = new ObjectMapper();
    private long logOffset;

    private SimulatorProcess(Process process, List<String> inventory, Path requestLog) {
        this.process = process;
        this.inventory = inventory;
        this.requestLog = requestLog;
    }

    /** Starts {@code hosts} hosts behaving as {@code behaviour}; returns once the simulator printed READY. */
    static SimulatorProcess start(Path simulatorJar, FleetBehaviour behaviour, int hosts, Path dir)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path scenario = Files.writeString(dir.resolve("scenario.json"), behaviour.scenarioJson());
        Path inventory = dir.resolve("inventory.txt");
        Path requestLog = dir.resolve("requests.jsonl");
        Path out = dir.resolve("simulator.out");
        List<String> command = new ArrayList<>(List.of("java", "-jar", simulatorJar.toString(),
                "--hosts", Integer.toString(hosts), "--user", USER, "--password", PASSWORD,
                "--inventory-out", inventory.toString(), "--scenario", scenario.toString(),
                "--request-log", requestLog.toString(),
                // No effect on a simulator whose ports are served by its event loops (no relay any more).
                // Kept for --simulator-jar runs of older jars, where the HTTP.sys front's relay would be a
                // second loopback connection per client connection (counted as the client's in tcp/host)
                // and two more threads per connection in the simulator.
                "--no-http-front"));
        if (behaviour.latency() != null) {
            command.addAll(List.of("--latency", behaviour.latency()));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(out).contains("READY")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("the simulator did not get READY: " + Files.readString(out).strip());
            }
            Thread.sleep(100);
        }
        return new SimulatorProcess(p, Files.readAllLines(inventory), requestLog);
    }

    /** {@code 127.0.0.1:port} per host, host order. */
    List<String> inventory() {
        return inventory;
    }

    /** The simulator's user+sys CPU so far. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // fields after the parenthesised command name; utime and stime are fields 14 and 15
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    /** The requests logged since the previous call (the log is written before each answer is sent). */
    RequestCounts requestsSinceLastCall() throws IOException {
        long requests = 0;
        long receives = 0;
        Map<String, Long> perHost = new HashMap<>();
        try (RandomAccessFile f = new RandomAccessFile(requestLog.toFile(), "r")) {
            long length = f.length();
            byte[] bytes = new byte[(int) (length - logOffset)];
            f.seek(logOffset);
            f.readFully(bytes);
            int lastNewline = -1;
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                JsonNode entry = json.readTree(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                requests++;
                if ("Receive".equals(entry.path("operation").asText())) {
                    receives++;
                }
                perHost.merge(entry.path("host").asText(), 1L, Long::sum);
                start = i + 1;
                lastNewline = i;
            }
            logOffset += lastNewline + 1; // a half-written last line is read next time
        }
        long max = perHost.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new RequestCounts(requests, receives, max);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
