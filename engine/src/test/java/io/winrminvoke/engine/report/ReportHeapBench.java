package io.winrminvoke.engine.report;

import io.winrminvoke.engine.winrm.AuthSettings;
import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.FleetRunner;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.TargetList;
import io.winrminvoke.engine.targets.TargetParser;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Measures the heap of a whole run with the report directory attached: run it with
 * {@code -Xmx256m} against a standalone simulator whose hosts each print 1 MiB (the command is in
 * docs/reports.md). Not a unit test: it takes minutes and needs the simulator process.
 *
 * <p>Arguments: {@code INVENTORY REPORT_DIR USER PASSWORD [THROTTLE]}.
 * Prints the peak heap in use (sampled every 10 ms, garbage included), the largest heap left after
 * any collection (GC notifications: the live set), the run's counts and duration, and the size of
 * the report.
 */
public final class ReportHeapBench {

    private ReportHeapBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ReportHeapBench INVENTORY REPORT_DIR USER PASSWORD [THROTTLE]");
            System.exit(2);
        }
        Path inventory = Path.of(args[0]);
        Path reportDir = Path.of(args[1]);
        String user = args[2];
        String password = args[3];
        int throttle = args.length > 4 ? Integer.parseInt(args[4]) : RunOptions.DEFAULT_THROTTLE;

        TargetList targets = TargetParser.parseLines(Files.readAllLines(inventory), inventory.toString());
        RunOptions options = RunOptions.builder().throttle(throttle).connectTimeout(Duration.ofSeconds(30))
                .operationTimeout(Duration.ofSeconds(20)).auth(AuthSettings.unencryptedBasic()).build();
        SecretMasker masker = SecretMasker.of(password);
        ReportDirectoryWriter writer = new ReportDirectoryWriter(new ReportContext(reportDir, "heap-bench", "bench",
                Map.of("command", "1 MiB of output", "throttle", throttle), masker, false));

        HeapSampler sampler = new HeapSampler();
        Thread sampling = new Thread(sampler, "heap-sampler");
        sampling.setDaemon(true);
        sampling.start();
        Instant start = Instant.now();
        RunResult result = FleetRunner.run(new RunRequest(targets.targets(), user, password,
                CommandSpec.commandLine("print 1 MiB"), options, masker), writer);
        Duration took = Duration.between(start, Instant.now());
        sampler.stop();
        sampling.join();

        long reportBytes;
        try (Stream<Path> files = Files.walk(reportDir)) {
            reportBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("hosts=%d succeeded=%d other=%d throttle=%d duration=%ds%n", result.summary().total(),
                result.summary().count(HostStatus.SUCCEEDED),
                result.summary().total() - result.summary().count(HostStatus.SUCCEEDED), throttle, took.toSeconds());
        System.out.printf("max heap=%d MiB  peak heap used (sampled, incl. garbage)=%d MiB  peak live after GC=%d MiB%n",
                mib(Runtime.getRuntime().maxMemory()), mib(sampler.peakUsed.get()), mib(sampler.peakAfterCollection.get()));
        System.gc();
        System.out.printf("retained after the run (RunResult still referenced, after System.gc)=%d MiB%n",
                mib(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()));
        System.out.printf("report directory=%d MiB, problems=%s%n", mib(reportBytes), writer.problems());
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** Samples heap use, and records the heap left after every collection (the live set) from GC notifications. */
    private static final class HeapSampler implements Runnable {
        final AtomicLong peakUsed = new AtomicLong();
        final AtomicLong peakAfterCollection = new AtomicLong();
        private volatile boolean running = true;

        HeapSampler() {
            Set<String> heapPools = new HashSet<>();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                (CompositeData) notification.getUserData());
                        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(pool -> heapPools.contains(pool.getKey()))
                                .mapToLong(pool -> pool.getValue().getUsed()).sum();
                        peakAfterCollection.accumulateAndGet(after, Math::max);
                    }
                }, null, null);
            }
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
