package io.winrminvoke.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's count of TCP connections opened (Tcp ActiveOpens in /proc/net/snmp) in this
 * network namespace. bench/run runs the harness in a namespace of its own, where only the
 * measured client opens connections, so the difference over a run is that client's count.
 */
final class TcpCounter {
    private static final Path SNMP = Path.of("/proc/net/snmp");

    private TcpCounter() {
    }

    static long activeOpens() {
        try {
            List<String> lines = Files.readAllLines(SNMP);
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("Tcp:") && lines.get(i + 1).startsWith("Tcp:")) {
                    List<String> names = List.of(lines.get(i).split("\\s+"));
                    String[] values = lines.get(i + 1).split("\\s+");
                    return Long.parseLong(values[names.indexOf("ActiveOpens")]);
                }
            }
            throw new IllegalStateException(SNMP + " has no Tcp counters");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
