package io.winrminvoke.engine.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.rollout.WaveReport.Decision;
import org.junit.jupiter.api.Test;

/** The budget arithmetic and the decisions, host by host, without a run around them. */
class RolloutTrackerTest {

    private static RolloutTracker tracker(String waves, String budget, int fleet) {
        RolloutPolicy policy = RolloutPolicy.of(waves, budget, false);
        return new RolloutTracker(policy, policy.plan(fleet));
    }

    /** Runs wave {@code n} with {@code failures} failed hosts first and the rest succeeding. */
    private static WaveReport wave(RolloutTracker tracker, int n, int failures) {
        Wave wave = tracker.plan().waves().get(n - 1);
        tracker.waveStarted(wave);
        for (int i = 0; i < wave.hosts(); i++) {
            tracker.hostFinished(true, i >= failures);
        }
        return tracker.waveEnded();
    }

    @Test
    void aFailedCanaryWithBudgetZeroStopsEverythingAfterIt() {
        RolloutTracker tracker = tracker("1,10%,100%", "0", 100);

        WaveReport first = wave(tracker, 1, 1);

        assertThat(first.decision()).isEqualTo(Decision.STOP);
        assertThat(first.notAttempted()).isEqualTo(99);
        assertThat(tracker.admitsHosts()).isFalse();
        assertThat(tracker.stopReason()).isEqualTo("rollout stopped after wave 1 (1 of 1 failed, budget 0)");
        assertThat(first.describe()).isEqualTo("wave 1/3: 1 host, 0 ok, 1 failed, budget 0 exceeded: "
                + "stopping, 99 hosts not attempted");
    }

    @Test
    void aPercentageBudgetCountsEveryHostRunSoFar() {
        RolloutTracker tracker = tracker("10", "5%", 100);

        assertThat(wave(tracker, 1, 0).decision()).isEqualTo(Decision.CONTINUE);
        assertThat(wave(tracker, 2, 1).decision()).isEqualTo(Decision.CONTINUE); // 1 of 20: 5 %, not exceeded
        WaveReport third = wave(tracker, 3, 4);                                  // 5 of 30

        assertThat(third.decision()).isEqualTo(Decision.STOP);
        assertThat(third.notAttempted()).isEqualTo(70);
        assertThat(tracker.stopReason()).isEqualTo("rollout stopped after wave 3 (5 of 30 failed, budget 5%)");
        assertThat(third.describe()).isEqualTo("wave 3/10: 10 hosts, 6 ok, 4 failed, budget 5% exceeded "
                + "(5 of 30 failed so far): stopping, 70 hosts not attempted");
    }

    @Test
    void withinBudgetTheNextWaveStartsAndTheLineSaysSo() {
        RolloutTracker tracker = tracker("1,30,100%", "5%", 100);
        wave(tracker, 1, 0);

        WaveReport second = wave(tracker, 2, 1); // 1 of 31: allowed 1

        assertThat(second.decision()).isEqualTo(Decision.CONTINUE);
        assertThat(second.describe())
                .isEqualTo("wave 2/3: 30 hosts, 29 ok, 1 failed, budget 5% (1 of 31 failed so far): continuing");
        assertThat(tracker.stopReason()).isNull();
        assertThat(tracker.admitsHosts()).isTrue();
    }

    @Test
    void overBudgetInTheLastWaveLeavesNothingToStop() {
        RolloutTracker tracker = tracker("5", "0", 10);
        wave(tracker, 1, 0);

        WaveReport last = wave(tracker, 2, 2);

        assertThat(last.decision()).isEqualTo(Decision.DONE);
        assertThat(last.overBudget()).isTrue();
        assertThat(tracker.stopReason()).isNull();
        assertThat(tracker.report(null).summary())
                .isEqualTo("rollout ran all 2 waves: 2 of 10 failed, budget 0 exceeded in the last wave");
    }

    @Test
    void insideAWaveTheDoorClosesOnceTheWaveCanOnlyEndOverBudget() {
        RolloutTracker tracker = tracker("10", "2", 30);
        tracker.waveStarted(tracker.plan().waves().get(0));
        tracker.hostFinished(true, false);
        tracker.hostFinished(true, false);
        assertThat(tracker.admitsHosts()).as("2 failed: the budget allows 2").isTrue();

        tracker.hostFinished(true, false);

        assertThat(tracker.admitsHosts()).isFalse();
        WaveReport report = tracker.waveEnded(); // 3 of 10 hosts had their result; 7 never started
        assertThat(report.notStarted()).isEqualTo(7);
        assertThat(report.notAttempted()).isEqualTo(27);
        assertThat(tracker.stopReason()).isEqualTo("rollout stopped after wave 1 (3 of 3 failed, budget 2)");
    }

    @Test
    void aPercentageClosesTheDoorOnlyWhenEvenAFullWaveCouldNotSaveIt() {
        RolloutTracker tracker = tracker("20", "10%", 40); // a full first wave allows 2 failures
        tracker.waveStarted(tracker.plan().waves().get(0));
        tracker.hostFinished(true, false);
        tracker.hostFinished(true, false);
        assertThat(tracker.admitsHosts()).as("2 of at most 20: the wave can still end within budget").isTrue();

        tracker.hostFinished(true, false);

        assertThat(tracker.admitsHosts()).isFalse();
    }

    @Test
    void hostsSkippedByAnotherCheckAreNotCountedAsRun() {
        RolloutTracker tracker = tracker("4", "25%", 8);
        tracker.waveStarted(tracker.plan().waves().get(0));
        tracker.hostFinished(true, true);
        tracker.hostFinished(true, true);
        tracker.hostFinished(true, false);
        tracker.hostFinished(false, false);

        WaveReport report = tracker.waveEnded(); // 1 of 3 run: 33 % > 25 %

        assertThat(report.runSoFar()).isEqualTo(3);
        assertThat(report.notStarted()).isEqualTo(1);
        assertThat(report.notAttempted()).as("the skipped host has its own result").isEqualTo(4);
        assertThat(report.decision()).isEqualTo(Decision.STOP);
    }

    @Test
    void withoutBudgetEveryWaveRunsWhateverFails() {
        RolloutTracker tracker = tracker("1,100%", null, 5);

        WaveReport first = wave(tracker, 1, 1);
        WaveReport second = wave(tracker, 2, 4);

        assertThat(first.decision()).isEqualTo(Decision.CONTINUE);
        assertThat(first.describe()).isEqualTo("wave 1/2: 1 host, 0 ok, 1 failed, no failure budget: continuing");
        assertThat(second.decision()).isEqualTo(Decision.DONE);
        assertThat(tracker.report(null).summary()).isEqualTo("rollout ran all 2 waves: 5 of 5 failed, no failure budget");
    }

    @Test
    void aRunStoppedMidRolloutSaysWhere() {
        RolloutTracker tracker = tracker("2", "1", 6);
        wave(tracker, 1, 0);
        tracker.waveStarted(tracker.plan().waves().get(1));

        RolloutReport report = tracker.report("run cancelled");

        assertThat(report.stopped()).isFalse();
        assertThat(report.summary()).isEqualTo("rollout interrupted in wave 2 of 3: run cancelled");
    }

    @Test
    void theReportNamesTheStopAndTheHostsLeft() {
        RolloutTracker tracker = tracker("1,10%,100%", "0", 100);
        wave(tracker, 1, 1);

        RolloutReport report = tracker.report(null);

        assertThat(report.stopped()).isTrue();
        assertThat(report.notAttempted()).isEqualTo(99);
        assertThat(report.summary())
                .isEqualTo("rollout stopped after wave 1 (1 of 1 failed, budget 0): 99 hosts not attempted");
        assertThat(report.waveOf(50)).isEqualTo(3);
        assertThat(RolloutReport.unstaged(3).summary()).isEmpty();
    }

    @Test
    void everyWaveHasAHeadingLineTheOnesAfterAStopSayWhyTheyDidNotRun() {
        RolloutTracker tracker = tracker("1,10%,100%", "0", 20);
        wave(tracker, 1, 1);

        RolloutReport report = tracker.report(null);

        assertThat(report.waveLine(1)).isEqualTo("wave 1/3: 1 host, 0 ok, 1 failed, budget 0 exceeded: "
                + "stopping, 19 hosts not attempted");
        assertThat(report.waveLine(2)).isEqualTo("wave 2/3: 2 hosts, not attempted (rollout stopped after wave 1 "
                + "(1 of 1 failed, budget 0))");
        assertThat(report.waveLine(3)).isEqualTo("wave 3/3: 17 hosts, not attempted (rollout stopped after wave 1 "
                + "(1 of 1 failed, budget 0))");
    }

    @Test
    void anInterruptedRolloutNamesTheWaveItStoppedInAndTheOnesNeverStarted() {
        RolloutTracker tracker = tracker("2", "1", 6);
        wave(tracker, 1, 0);

        RolloutReport report = tracker.report("run cancelled");

        assertThat(report.waveLine(1)).isEqualTo("wave 1/3: 2 hosts, 2 ok, 0 failed, budget 1: continuing");
        assertThat(report.waveLine(2)).isEqualTo("wave 2/3: 2 hosts, interrupted: run cancelled");
        assertThat(report.waveLine(3)).isEqualTo("wave 3/3: 2 hosts, not started: run cancelled");
        assertThat(RolloutReport.unstaged(3).waveLine(1)).isEmpty();
    }
}
