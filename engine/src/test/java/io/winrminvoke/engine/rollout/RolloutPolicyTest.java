package io.winrminvoke.engine.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RolloutPolicyTest {

    @Test
    void wavesAreCountsAndPercentagesInTheOrderGiven() {
        RolloutPolicy policy = RolloutPolicy.of(" 1, 10% ,100%", "5%", false);

        assertThat(policy.waves()).containsExactly(new WaveSize(1, false), new WaveSize(10, true),
                new WaveSize(100, true));
        assertThat(policy.maxFailures()).isEqualTo(new FailureBudget(5, true));
        assertThat(policy.wavesText()).isEqualTo("1,10%,100%");
        assertThat(policy.staged()).isTrue();
    }

    @Test
    void nothingGivenIsOneWaveWithoutBudget() {
        RolloutPolicy policy = RolloutPolicy.of(null, " ", false);

        assertThat(policy).isEqualTo(RolloutPolicy.NONE);
        assertThat(policy.staged()).isFalse();
        assertThat(policy.plan(7).waves()).containsExactly(new Wave(1, 0, 7));
    }

    @Test
    void failFastIsTheBudgetZeroAndAloneStagesTheRun() {
        RolloutPolicy policy = RolloutPolicy.of(null, null, true);

        assertThat(policy.maxFailures()).isEqualTo(new FailureBudget(0, false));
        assertThat(policy.staged()).isTrue();
        assertThat(policy.plan(4).size()).isEqualTo(1);
    }

    @Test
    void failFastWithABudgetIsRefusedNamingBoth() {
        assertThatThrownBy(() -> RolloutPolicy.of("1", "3", true))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("failFast is the budget maxFailures 0: give failFast or maxFailures ('3'), not both");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1,0", "0%", "101%", "1,,10%", "10 %", "-1", "1.5", "5%%", "abc", "1;10%",
        "9999999999"})
    void badWavesNameTheOptionTheValueAndTheForm(String waves) {
        assertThatThrownBy(() -> RolloutPolicy.of(waves, null, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("waves: invalid value '" + waves.strip() + "': ")
                .hasMessageEndingWith("give host counts (1 or more) or percentages of the fleet (1%..100%), "
                        + "comma-separated, e.g. 1,10%,100%");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "101%", "1.5%", "five", "5 %", "2000000"})
    void badBudgetsNameTheOptionTheValueAndTheForm(String budget) {
        assertThatThrownBy(() -> RolloutPolicy.of("1", budget, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("maxFailures: invalid value '" + budget + "': a count of failed hosts 0..1000000 or a "
                        + "percentage 0%..100% of the hosts run so far (e.g. 0, 3, 5%)");
    }

    @Test
    void thePluginsListFormReadsTheSameAsTheText() {
        assertThat(RolloutPolicy.ofList(List.of(1, "10%", "100%"), "0", false))
                .isEqualTo(RolloutPolicy.of("1,10%,100%", "0", false));
        assertThatThrownBy(() -> RolloutPolicy.ofList(List.of("1,2"), null, false))
                .hasMessageStartingWith("waves: invalid value '[1,2]': '1,2' is not one wave size");
    }

    @Test
    void wavesWithoutBudgetWarnThatNothingStopsThem() {
        assertThat(RolloutPolicy.of("1,100%", null, false).warnings()).singleElement().asString()
                .isEqualTo("waves given without a failure budget: every wave runs whatever fails; "
                        + "set a failure budget to stop a broken rollout early");
        assertThat(RolloutPolicy.of("1,100%", "0", false).warnings()).isEmpty();
        assertThat(RolloutPolicy.NONE.warnings()).isEmpty();
    }
}
