package io.winrminvoke.engine.targets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Parsed targets in input order, without duplicates, and the warnings the parsing produced
 * (duplicates that were dropped).
 */
public record TargetList(List<Target> targets, List<String> warnings) {

    public TargetList {
        targets = List.copyOf(targets);
        warnings = List.copyOf(warnings);
    }

    /** This list followed by {@code other}'s targets that are not already in it (each one reported). */
    public TargetList plus(TargetList other) {
        List<Target> merged = new ArrayList<>(targets);
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(other.warnings);
        Set<String> seen = new HashSet<>();
        for (Target t : targets) {
            seen.add(key(t));
        }
        for (Target t : other.targets) {
            if (seen.add(key(t))) {
                merged.add(t);
            } else {
                allWarnings.add("duplicate target '" + t.display() + "' ignored");
            }
        }
        return new TargetList(merged, allWarnings);
    }

    /**
     * This list without the targets that name a host and port already listed once the default
     * port is applied: {@code web01} and {@code web01:5985} are one host when the run's port for
     * {@code web01} is 5985. Each dropped target is reported, naming the one kept.
     *
     * @param effectivePort the port the run will use for a target (e.g. {@code RunOptions::portFor})
     */
    public TargetList distinctByPort(ToIntFunction<Target> effectivePort) {
        List<Target> kept = new ArrayList<>(targets.size());
        List<String> allWarnings = new ArrayList<>(warnings);
        Map<String, Target> first = new HashMap<>();
        for (Target t : targets) {
            Target earlier = first.putIfAbsent(key(t.host(), effectivePort.applyAsInt(t)), t);
            if (earlier == null) {
                kept.add(t);
            } else {
                allWarnings.add("duplicate target '" + t.display() + "' ignored: the same host and port as '"
                        + earlier.display() + "'");
            }
        }
        return kept.size() == targets.size() ? this : new TargetList(kept, allWarnings);
    }

    /**
     * Host names are case-insensitive; the same host on another port, or named with another
     * transport (whose default port differs), is another target.
     */
    static String key(Target t) {
        return key(t.host(), t.port()) + "\u0000" + (t.transport() == null ? "" : t.transport().scheme());
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + "\u0000" + port;
    }
}
