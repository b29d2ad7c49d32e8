package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.winrminvoke.engine.rollout.FailureBudget;
import io.winrminvoke.engine.rollout.RolloutPolicy;
import io.winrminvoke.engine.rollout.RolloutReport;
import io.winrminvoke.engine.rollout.WaveReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the build page keeps of a rollout: one group per planned wave, each with its hosts and line. */
class RolloutSummaryTest {

    @Test
    void aStoppedRolloutKeepsEveryPlannedWaveWithItsHostsAndTheEnginesLine() {
        RolloutPolicy policy = RolloutPolicy.of("1,2", "0", false);
        FailureBudget budget = policy.maxFailures();
        WaveReport first = new WaveReport(1, 3, 1, 0, 1, 0, 1, 1, budget, WaveReport.Decision.STOP, 4);
        RolloutReport report = new RolloutReport(policy, policy.plan(5), List.of(first),
                "rollout stopped after wave 1 (1 of 1 failed, budget 0)", null);

        RolloutSummary summary = RolloutSummary.of(report);

        assertThat(summary.getSummary()).isEqualTo(report.summary());
        assertThat(summary.getWaves()).extracting(WaveGroup::getWave, WaveGroup::getFirstHost, WaveGroup::getHosts)
                .containsExactly(
                        tuple(1, 0, 1),
                        tuple(2, 1, 2),
                        tuple(3, 3, 2));
        assertThat(summary.getWaves().get(0).getLine()).isEqualTo(first.describe());
        assertThat(summary.getWaves().get(2).getLine()).startsWith("wave 3/3: 2 hosts, not attempted");
        assertThat(List.of(0, 1, 2, 3, 4)).extracting(summary::waveOf).containsExactly(1, 2, 2, 3, 3);
        // the build keeps it with XStream: a plain ArrayList, not an immutable list
        assertThat(summary.getWaves()).isInstanceOf(ArrayList.class);
    }

    @Test
    void aRunWithoutWavesOrBudgetHasNoRolloutToShow() {
        assertThat(RolloutSummary.of(RolloutReport.unstaged(4))).isNull();
    }
}
