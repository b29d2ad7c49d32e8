package io.winrminvoke.engine.report;

import java.util.List;

/**
 * The rollout in results.json ({@code run.rollout}), null for a run without waves or budget.
 *
 * @param waves        the wave sizes as given ({@code 1,10%,100%}), empty for one wave
 * @param maxFailures  the failure budget as given ({@code 0}, {@code 5%}), or null for none
 * @param plan         the hosts in each wave, in order
 * @param stopped      whether the budget stopped the rollout with hosts left
 * @param stopReason   {@code rollout stopped after wave K (F of N failed, budget B)}, or null
 * @param notAttempted hosts the stop left unattempted
 * @param interrupted  why the rollout ended early other than by its budget (cancel, timeout), or null
 * @param summary      one line saying how it went
 * @param waveReports  one per wave that ended
 */
public record ResultsRollout(String waves, String maxFailures, List<Integer> plan, boolean stopped,
                             String stopReason, int notAttempted, String interrupted, String summary,
                             List<ResultsWave> waveReports) {

    public ResultsRollout {
        plan = plan == null ? List.of() : List.copyOf(plan);
        waveReports = waveReports == null ? List.of() : List.copyOf(waveReports);
    }
}
