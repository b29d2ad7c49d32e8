package io.winrminvoke.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The measurement behind docs/simulator.md: against a running launcher, open a shell and run
 * {@code echo} on every host of the inventory (Create, Command, Receive, Signal, Delete), with
 * {@code threads} hosts in flight at once.
 *
 * <pre>java -cp simulator/target/test-classes:simulator/target/winrm-simulator.jar \
 *   io.winrminvoke.simulator.FleetLoadProbe INVENTORY USER PASSWORD [THREADS]</pre>
 */
public final class FleetLoadProbe {
    private FleetLoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<String> hosts = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).toList();
        String user = args[1];
        String password = args[2];
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        HttpClient http = WsmanTestClient.newHttpClient(null);
        AtomicInteger ok = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = hosts.stream().<Future<?>>map(h -> pool.submit(() -> {
            WsmanTestClient c = new WsmanTestClient(URI.create("http://" + h + "/wsman"), user, password, http);
            WsmanTestClient.Output out = c.run("echo", "hello from " + h);
            // a scripted host prints its own text; /bin/sh hosts echo the argument back
            if (out.exitCode() == 0 && !out.stdoutText().isEmpty()) {
                ok.incrementAndGet();
            }
            return null;
        })).toList();
        for (Future<?> f : futures) {
            f.get();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        pool.shutdown();
        System.out.println("hosts=" + hosts.size() + " ok=" + ok.get() + " threads=" + threads + " elapsedMs=" + ms);
    }
}
