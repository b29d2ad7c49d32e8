package io.winrminvoke.engine.targets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /** Host names are case-insensitive; the same host on another port is another target. */
    static String key(Target t) {
        return t.host().toLowerCase(Locale.ROOT) + "\u0000" + t.port();
    }
}
