package io.winrminvoke.engine.rollout;

import io.winrminvoke.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a run rolls out: in waves of the given sizes, each starting when the previous one has
 * ended, stopping once more hosts failed than the budget allows (docs/rollout.md). The CLI and
 * the plugin both build it with {@link #of(String, String, boolean)} from what the user typed.
 *
 * @param waves       wave sizes, the last repeating; empty = the whole fleet is one wave
 * @param maxFailures the failure budget; null = none (every wave runs whatever fails)
 */
public record RolloutPolicy(List<WaveSize> waves, FailureBudget maxFailures) {

    /** Option names used in messages; the CLI ({@code --waves}...) and the plugin expose the same. */
    public static final String WAVES = "waves";
    public static final String MAX_FAILURES = "maxFailures";
    public static final String FAIL_FAST = "failFast";

    /** The run as without these options: one wave, no budget. */
    public static final RolloutPolicy NONE = new RolloutPolicy(List.of(), null);

    private static final int MAX_WAVE_SIZES = 1000;
    private static final Pattern ENTRY = Pattern.compile("([0-9]{1,9})(%?)");

    public RolloutPolicy {
        waves = List.copyOf(waves);
    }

    /**
     * Parses the user's values.
     *
     * @param waves       {@code 1,10%,100%}: counts and percentages of the fleet, comma-separated;
     *                    null or blank = one wave
     * @param maxFailures {@code 3} or {@code 5%}; null or blank = no budget
     * @param failFast    stop at the first failed host: the budget 0
     * @throws InvalidInputException naming the option, the bad value and what is allowed
     */
    public static RolloutPolicy of(String waves, String maxFailures, boolean failFast) {
        boolean budgetGiven = maxFailures != null && !maxFailures.isBlank();
        if (failFast && budgetGiven) {
            throw new InvalidInputException(FAIL_FAST + " is the budget " + MAX_FAILURES + " 0: give " + FAIL_FAST
                    + " or " + MAX_FAILURES + " ('" + maxFailures.strip() + "'), not both");
        }
        FailureBudget budget = failFast ? new FailureBudget(0, false)
                : budgetGiven ? parseBudget(maxFailures) : null;
        return new RolloutPolicy(waves == null || waves.isBlank() ? List.of() : parseWaves(waves), budget);
    }

    /** The plugin's list form ({@code [1, '10%', '100%']}): each element as {@link #of} reads one entry. */
    public static RolloutPolicy ofList(List<?> waves, String maxFailures, boolean failFast) {
        List<String> entries = new ArrayList<>();
        if (waves != null) {
            for (Object entry : waves) {
                String text = String.valueOf(entry).strip();
                if (text.isEmpty() || text.contains(",")) {
                    throw invalidWaves(String.valueOf(waves), "'" + text + "' is not one wave size");
                }
                entries.add(text);
            }
        }
        return of(String.join(",", entries), maxFailures, failFast);
    }

    /** Whether the run is staged at all (waves or a budget given); an unstaged run prints no wave lines. */
    public boolean staged() {
        return !waves.isEmpty() || maxFailures != null;
    }

    public WavePlan plan(int fleetSize) {
        return WavePlan.of(waves, fleetSize);
    }

    /** Worth telling the user before the run, not stopping it. */
    public List<String> warnings() {
        if (!waves.isEmpty() && maxFailures == null) {
            return List.of("waves given without a failure budget: every wave runs whatever fails; "
                    + "set a failure budget to stop a broken rollout early");
        }
        return List.of();
    }

    /** The sizes as the user writes them: {@code 1,10%,100%}; empty for one wave. */
    public String wavesText() {
        List<String> parts = new ArrayList<>();
        waves.forEach(w -> parts.add(w.toString()));
        return String.join(",", parts);
    }

    private static List<WaveSize> parseWaves(String text) {
        String[] entries = text.split(",", -1);
        if (entries.length > MAX_WAVE_SIZES) {
            throw invalidWaves(text, "at most " + MAX_WAVE_SIZES + " sizes (the last one repeats)");
        }
        List<WaveSize> sizes = new ArrayList<>();
        for (String raw : entries) {
            Matcher m = ENTRY.matcher(raw.strip());
            if (!m.matches()) {
                throw invalidWaves(text, "'" + raw.strip() + "' is not a host count or a percentage");
            }
            try {
                sizes.add(new WaveSize(Integer.parseInt(m.group(1)), !m.group(2).isEmpty()));
            } catch (InvalidInputException e) {
                throw invalidWaves(text, "'" + raw.strip() + "' is out of range");
            }
        }
        return sizes;
    }

    private static FailureBudget parseBudget(String text) {
        Matcher m = ENTRY.matcher(text.strip());
        if (m.matches()) {
            int value = Integer.parseInt(m.group(1));
            boolean percent = !m.group(2).isEmpty();
            if (percent ? value <= 100 : value <= FailureBudget.MAX_COUNT) {
                return new FailureBudget(value, percent);
            }
        }
        throw InvalidInputException.forOption(MAX_FAILURES, text.strip(), "a count of failed hosts 0.."
                + FailureBudget.MAX_COUNT + " or a percentage 0%..100% of the hosts run so far (e.g. 0, 3, 5%)");
    }

    private static InvalidInputException invalidWaves(String text, String why) {
        return InvalidInputException.forOption(WAVES, text.strip(), why + "; give host counts (1 or more) or "
                + "percentages of the fleet (1%..100%), comma-separated, e.g. 1,10%,100%");
    }
}
