package io.winrminvoke.engine.rollout;

import java.util.List;

/**
 * How a run's rollout went: its plan, a report per wave that ended, and why it stopped.
 *
 * @param policy      the waves and the budget asked for
 * @param plan        which hosts ran in which wave (indices into the run's target list)
 * @param waves       a report for every wave that ended, in order
 * @param stopReason  {@code rollout stopped after wave K (F of N failed, budget B)}, or null if it did not stop
 * @param interrupted why the rollout ended before its last wave other than by its budget (a cancel,
 *                    the overall timeout), or null
 */
public record RolloutReport(RolloutPolicy policy, WavePlan plan, List<WaveReport> waves, String stopReason,
                            String interrupted) {

    public RolloutReport {
        waves = List.copyOf(waves);
    }

    /** The report of a run without waves or budget: one wave, nothing to say. */
    public static RolloutReport unstaged(int fleetSize) {
        return new RolloutReport(RolloutPolicy.NONE, WavePlan.of(List.of(), fleetSize), List.of(), null, null);
    }

    public boolean staged() {
        return policy.staged();
    }

    /** Whether the budget stopped the rollout with hosts left: they ended SKIPPED, not attempted. */
    public boolean stopped() {
        return stopReason != null;
    }

    /** Hosts the stop left unattempted (0 unless {@link #stopped()}). */
    public int notAttempted() {
        return stopped() ? waves.get(waves.size() - 1).notAttempted() : 0;
    }

    /** The wave (1-based) of the host at {@code hostIndex} in the run's target list. */
    public int waveOf(int hostIndex) {
        return plan.waveOf(hostIndex);
    }

    /**
     * The line heading wave {@code wave} (1-based) where hosts are listed by wave (the plugin's
     * build page): the wave's progress line if it ended, else why its hosts did not all run.
     * Empty for an unstaged run.
     */
    public String waveLine(int wave) {
        if (!staged()) {
            return "";
        }
        for (WaveReport report : waves) {
            if (report.wave() == wave) {
                return report.describe();
            }
        }
        Wave planned = plan.waves().get(wave - 1);
        String head = "wave " + wave + "/" + plan.size() + ": " + planned.hosts()
                + (planned.hosts() == 1 ? " host, " : " hosts, ");
        if (stopped()) {
            return head + "not attempted (" + stopReason + ")";
        }
        if (interrupted != null) {
            return head + (wave == waves.size() + 1 ? "interrupted: " : "not started: ") + interrupted;
        }
        return head + "not run";
    }

    /**
     * One line for summaries, reports and the build page; empty for an unstaged run. E.g.
     * {@code rollout stopped after wave 3 (4 of 30 failed, budget 5%): 70 hosts not attempted}.
     */
    public String summary() {
        if (!staged()) {
            return "";
        }
        if (stopped()) {
            int n = notAttempted();
            return stopReason + ": " + n + (n == 1 ? " host" : " hosts") + " not attempted";
        }
        if (interrupted != null) {
            return "rollout interrupted in wave " + (waves.size() + 1) + " of " + plan.size() + ": " + interrupted;
        }
        WaveReport last = waves.isEmpty() ? null : waves.get(waves.size() - 1);
        String failures = last == null ? "" : ": " + last.failedSoFar() + " of " + last.runSoFar() + " failed, "
                + (policy.maxFailures() == null ? "no failure budget" : "budget " + policy.maxFailures()
                        + (last.overBudget() ? " exceeded in the last wave" : ""));
        return "rollout ran all " + plan.size() + (plan.size() == 1 ? " wave" : " waves") + failures;
    }
}
