package io.winrminvoke.engine.rollout;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a rollout's counts as its hosts finish and decides, when a wave ends, whether the next
 * one starts. Inside a wave it closes the door early once the wave is certain to end over budget
 * (for the budget 0: at the first failure): hosts in flight finish, the wave's others do not start.
 * Thread-safe: hosts finish on worker threads, waves start and end on the run's coordinator.
 */
public final class RolloutTracker {

    private final RolloutPolicy policy;
    private final WavePlan plan;
    private final List<WaveReport> reports = new ArrayList<>(); // guarded by this
    private Wave current;                                          // guarded by this
    private int succeeded;                                         // in the current wave, guarded by this
    private int failed;                                            // in the current wave, guarded by this
    private int skipped;                                           // in the current wave, guarded by this
    private int runBefore;                                         // in the waves before, guarded by this
    private int failedBefore;                                      // in the waves before, guarded by this
    private volatile boolean admitting = true;
    private volatile String stopReason;

    public RolloutTracker(RolloutPolicy policy, WavePlan plan) {
        this.policy = policy;
        this.plan = plan;
    }

    public WavePlan plan() {
        return plan;
    }

    public synchronized void waveStarted(Wave wave) {
        current = wave;
        succeeded = 0;
        failed = 0;
        skipped = 0;
    }

    /**
     * A host of the current wave has its result.
     *
     * @param ran       it was attempted (false: it ended SKIPPED without contacting its host)
     * @param succeeded it ran and succeeded
     */
    public synchronized void hostFinished(boolean ran, boolean succeeded) {
        if (current == null) {
            return; // between waves or after the last: hosts given their result when the run ends
        }
        if (!ran) {
            skipped++;
        } else if (succeeded) {
            this.succeeded++;
        } else {
            failed++;
            FailureBudget budget = policy.maxFailures();
            int mostRunAtWaveEnd = runBefore + current.hosts() - skipped;
            // allowedFailures only grows with the hosts run: beyond it at the wave's largest
            // possible size, the wave can only end over budget, so starting more hosts is pointless.
            if (budget != null && budget.exceededBy(failedBefore + failed, mostRunAtWaveEnd)) {
                admitting = false;
            }
        }
    }

    /** Whether hosts not yet started may start; false once the rollout is stopping. */
    public boolean admitsHosts() {
        return admitting;
    }

    /** Ends the current wave (every host that started has its result) and decides what follows. */
    public synchronized WaveReport waveEnded() {
        int run = runBefore + succeeded + failed;
        int failedAll = failedBefore + failed;
        int unstarted = current.hosts() - succeeded - failed - skipped;
        int later = plan.hosts() - current.endHost();
        FailureBudget budget = policy.maxFailures();
        boolean over = budget != null && budget.exceededBy(failedAll, run);
        WaveReport.Decision decision = over && later + unstarted > 0 ? WaveReport.Decision.STOP
                : later == 0 ? WaveReport.Decision.DONE : WaveReport.Decision.CONTINUE;
        WaveReport report = new WaveReport(current.number(), plan.size(), current.hosts(), succeeded, failed,
                current.hosts() - succeeded - failed, failedAll, run, budget, decision,
                decision == WaveReport.Decision.STOP ? later + unstarted : 0);
        reports.add(report);
        if (decision == WaveReport.Decision.STOP) {
            admitting = false;
            stopReason = report.stopReason();
        }
        runBefore = run;
        failedBefore = failedAll;
        current = null;
        return report;
    }

    /**
     * Why the hosts not yet started are not attempted: {@code rollout stopped after wave K (F of N
     * failed, budget B)}; null unless a wave ended over budget with hosts left.
     */
    public String stopReason() {
        return stopReason;
    }

    /** @param interrupted why the run ended before its last wave other than by the budget, or null */
    public synchronized RolloutReport report(String interrupted) {
        boolean cutShort = stopReason == null && reports.size() < plan.size();
        return new RolloutReport(policy, plan, reports, stopReason, cutShort ? interrupted : null);
    }
}
