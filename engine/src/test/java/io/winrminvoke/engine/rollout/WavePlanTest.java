package io.winrminvoke.engine.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WavePlanTest {

    private static List<Integer> sizes(String waves, int fleet) {
        return RolloutPolicy.of(waves, null, false).plan(fleet).waves().stream().map(Wave::hosts).toList();
    }

    @Test
    void canaryThenTenPercentThenTheRest() {
        assertThat(sizes("1,10%,100%", 100)).containsExactly(1, 10, 89);
        assertThat(sizes("1,10%,100%", 500)).containsExactly(1, 50, 449);
    }

    @Test
    void theLastSizeRepeatsUntilEveryHostHasAWave() {
        assertThat(sizes("10", 100)).hasSize(10).containsOnly(10);
        assertThat(sizes("1,5,10", 30)).containsExactly(1, 5, 10, 10, 4);
        assertThat(sizes("30%", 20)).containsExactly(6, 6, 6, 2); // Ansible's serial: "30%" documented example
    }

    @Test
    void aPercentageRoundsDownButIsNeverBelowOneHost() {
        assertThat(sizes("10%", 15)).hasSize(15).containsOnly(1);
        assertThat(sizes("50%", 3)).containsExactly(1, 1, 1);
        assertThat(sizes("99%", 10)).containsExactly(9, 1);
    }

    @Test
    void aWaveLargerThanTheRestHoldsTheRest() {
        assertThat(sizes("5,100", 12)).containsExactly(5, 7);
        assertThat(sizes("1000", 3)).containsExactly(3);
    }

    @Test
    void wavesTakeTheHostsInListOrderEachOnce() {
        WavePlan plan = RolloutPolicy.of("1,10%,100%", null, false).plan(100);

        assertThat(plan.waves()).containsExactly(new Wave(1, 0, 1), new Wave(2, 1, 10), new Wave(3, 11, 89));
        assertThat(plan.waveOf(0)).isEqualTo(1);
        assertThat(plan.waveOf(1)).isEqualTo(2);
        assertThat(plan.waveOf(10)).isEqualTo(2);
        assertThat(plan.waveOf(11)).isEqualTo(3);
        assertThat(plan.waveOf(99)).isEqualTo(3);
        assertThat(plan.hosts()).isEqualTo(100);
    }

    @Test
    void theSamePolicyAndFleetAlwaysGiveTheSamePlan() {
        RolloutPolicy policy = RolloutPolicy.of("2,25%", "1", false);

        assertThat(policy.plan(37)).isEqualTo(policy.plan(37));
        assertThat(policy.plan(37)).isEqualTo(RolloutPolicy.of("2,25%", "1", false).plan(37));
    }

    @Test
    void sizesTextCountsRepeats() {
        assertThat(RolloutPolicy.of("10", null, false).plan(100).sizesText()).isEqualTo("10 x 10");
        assertThat(RolloutPolicy.of("1,10%,100%", null, false).plan(500).sizesText()).isEqualTo("1, 50, 449");
        assertThat(RolloutPolicy.of("1,5,10", null, false).plan(30).sizesText()).isEqualTo("1, 5, 10 x 2, 4");
    }

    @Test
    void aStartingWaveIsAnnouncedWithItsNumberAndSize() {
        WavePlan plan = WavePlan.of(RolloutPolicy.of("1,10", null, false).waves(), 11);

        assertThat(plan.waves().get(0).startingLine(plan.size())).isEqualTo("wave 1/2: 1 host starting");
        assertThat(plan.waves().get(1).startingLine(plan.size())).isEqualTo("wave 2/2: 10 hosts starting");
    }
}
