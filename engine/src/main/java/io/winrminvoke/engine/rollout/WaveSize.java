package io.winrminvoke.engine.rollout;

import io.winrminvoke.engine.InvalidInputException;

/**
 * One entry of the {@code waves} option: a number of hosts ({@code 10}) or a share of the whole
 * fleet ({@code 10%}).
 *
 * @param value   the count (1 or more) or the percentage (1..100)
 * @param percent whether {@code value} is a percentage
 */
public record WaveSize(int value, boolean percent) {

    public static final int MAX_COUNT = 1_000_000;

    public WaveSize {
        if (percent ? value < 1 || value > 100 : value < 1 || value > MAX_COUNT) {
            throw InvalidInputException.forOption(RolloutPolicy.WAVES, text(value, percent),
                    "a wave is a host count 1.." + MAX_COUNT + " or a percentage 1%..100% of the fleet");
        }
    }

    private static String text(int value, boolean percent) {
        return value + (percent ? "%" : "");
    }

    /**
     * How many hosts a wave of this size holds in a fleet of {@code fleetSize}: a percentage rounds
     * down but is never below one host (Ansible's {@code serial} does the same).
     */
    public int hostsIn(int fleetSize) {
        if (!percent) {
            return value;
        }
        return (int) Math.max(1, (long) value * fleetSize / 100);
    }

    /** As the user writes it: {@code 10} or {@code 10%}. */
    @Override
    public String toString() {
        return text(value, percent);
    }
}
