package io.winrminvoke.engine.rollout;

import io.winrminvoke.engine.InvalidInputException;

/**
 * The {@code maxFailures} option: how many of the hosts run so far may fail before the rollout
 * stops, as a count ({@code 3}) or as a percentage of those hosts ({@code 5%}). A host fails when
 * it ran and did not succeed (failed, timed out, unreachable, refused the credentials, error).
 *
 * @param value   the count (0 or more) or the percentage (0..100)
 * @param percent whether {@code value} is a percentage of the hosts run so far
 */
public record FailureBudget(int value, boolean percent) {

    public static final int MAX_COUNT = 1_000_000;

    public FailureBudget {
        if (percent ? value < 0 || value > 100 : value < 0 || value > MAX_COUNT) {
            throw InvalidInputException.forOption(RolloutPolicy.MAX_FAILURES,
                    value + (percent ? "%" : ""), "allowed a count 0.." + MAX_COUNT + " or a percentage 0%..100%");
        }
    }

    /**
     * How many failed hosts the budget allows among {@code hostsRun}: the count itself, or the
     * percentage of {@code hostsRun} rounded down (5% of 30 hosts allows 1; it takes 2 to exceed it).
     */
    public int allowedFailures(int hostsRun) {
        return percent ? (int) ((long) value * hostsRun / 100) : value;
    }

    /** Whether {@code failed} of {@code hostsRun} hosts is more than the budget allows. */
    public boolean exceededBy(int failed, int hostsRun) {
        return failed > allowedFailures(hostsRun);
    }

    /** As the user writes it: {@code 0}, {@code 3}, {@code 5%}. */
    @Override
    public String toString() {
        return value + (percent ? "%" : "");
    }
}
