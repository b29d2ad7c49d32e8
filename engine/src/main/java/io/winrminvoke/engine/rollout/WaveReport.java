package io.winrminvoke.engine.rollout;

/**
 * How one wave ended and what the rollout does next; {@link #describe()} is the progress line.
 *
 * @param wave         1-based
 * @param waves        how many waves the plan has
 * @param hosts        the wave's hosts
 * @param succeeded    of them, how many ran and succeeded
 * @param failed       how many ran and did not succeed
 * @param notStarted   how many never started (the rollout stopped inside the wave, or another check skipped them)
 * @param failedSoFar  failed hosts in this wave and the ones before
 * @param runSoFar     hosts run (succeeded or failed) in this wave and the ones before
 * @param budget       the failure budget, or null for none
 * @param decision     what the rollout does after this wave
 * @param notAttempted when stopping: the hosts that will not be attempted (this wave's not started and every later wave's)
 */
public record WaveReport(int wave, int waves, int hosts, int succeeded, int failed, int notStarted,
                         int failedSoFar, int runSoFar, FailureBudget budget, Decision decision, int notAttempted) {

    /** What follows a wave. */
    public enum Decision {
        /** The next wave starts. */
        CONTINUE,
        /** Over budget: no further host starts. */
        STOP,
        /** That was the last wave. */
        DONE
    }

    public boolean overBudget() {
        return budget != null && budget.exceededBy(failedSoFar, runSoFar);
    }

    /**
     * The line a person follows a long rollout by, e.g.
     * {@code wave 2/4: 30 hosts, 29 ok, 1 failed, budget 5% (1 of 31 failed so far): continuing}.
     */
    public String describe() {
        StringBuilder line = new StringBuilder("wave ").append(wave).append('/').append(waves).append(": ")
                .append(hosts).append(hosts == 1 ? " host, " : " hosts, ")
                .append(succeeded).append(" ok, ").append(failed).append(" failed");
        if (notStarted > 0) {
            line.append(", ").append(notStarted).append(" not started");
        }
        if (budget == null) {
            line.append(", no failure budget");
        } else {
            line.append(", budget ").append(budget).append(overBudget() ? " exceeded" : "");
            if (wave > 1) {
                line.append(" (").append(failedSoFar).append(" of ").append(runSoFar).append(" failed so far)");
            }
        }
        line.append(": ").append(switch (decision) {
            case CONTINUE -> "continuing";
            case STOP -> "stopping, " + notAttempted + (notAttempted == 1 ? " host" : " hosts") + " not attempted";
            case DONE -> "done";
        });
        return line.toString();
    }

    /** The reason every host not attempted gives: {@code rollout stopped after wave K (F of N failed, budget B)}. */
    String stopReason() {
        return "rollout stopped after wave " + wave + " (" + failedSoFar + " of " + runSoFar + " failed, budget "
                + budget + ")";
    }
}
