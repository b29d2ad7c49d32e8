package io.winrminvoke.invocation;

import io.winrminvoke.engine.InvalidInputException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A misspelled option must fail the step, not be ignored. Pipeline builds the step through
 * structs' {@code DescribableModel}, which in production only prints {@code WARNING: Unknown
 * parameter(s) found for class type ...} and runs the step without the option (it throws only
 * under test). The plugin calls this from its {@code CustomDescribableModel#customInstantiate},
 * so the step fails with structs' own words plus the option meant, in production and in tests.
 */
public final class UnknownOptions {

    private UnknownOptions() {
    }

    /**
     * @param type  the step's class name, as structs names it
     * @param given the option names the script passed
     * @param known the step's option names (structs' parameters)
     * @throws InvalidInputException naming every unknown option, and the known one it most resembles
     */
    public static void check(String type, Collection<String> given, Collection<String> known) {
        List<String> unknown = new TreeSet<>(given).stream().filter(name -> !known.contains(name)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Unknown parameter(s) found for class type '")
                .append(type).append("': ").append(String.join(",", unknown));
        for (String name : unknown) {
            String meant = closest(name, known);
            if (meant != null) {
                message.append("; did you mean '").append(meant).append("' instead of '").append(name).append("'?");
            }
        }
        throw new InvalidInputException(message.toString());
    }

    /** The known name within edit distance 2 (case-insensitive), or a case-only difference; null if none. */
    static String closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : new TreeSet<>(known)) {
            int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
