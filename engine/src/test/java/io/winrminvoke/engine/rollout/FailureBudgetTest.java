package io.winrminvoke.engine.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureBudgetTest {

    @Test
    void aCountAllowsThatManyFailures() {
        FailureBudget three = new FailureBudget(3, false);

        assertThat(three.exceededBy(3, 10)).isFalse();
        assertThat(three.exceededBy(4, 10)).isTrue();
        assertThat(three.exceededBy(4, 1000)).isTrue();
    }

    @Test
    void zeroIsExceededByTheFirstFailure() {
        FailureBudget zero = new FailureBudget(0, false);

        assertThat(zero.exceededBy(0, 50)).isFalse();
        assertThat(zero.exceededBy(1, 1)).isTrue();
    }

    @Test
    void aPercentageIsOfTheHostsRunSoFarAndMustBeExceeded() {
        FailureBudget fivePercent = new FailureBudget(5, true);

        assertThat(fivePercent.allowedFailures(30)).isEqualTo(1);   // 1.5 rounds down
        assertThat(fivePercent.exceededBy(1, 21)).isFalse();       // 4.8 %
        assertThat(fivePercent.exceededBy(2, 30)).isTrue();        // 6.7 %
        assertThat(fivePercent.exceededBy(5, 100)).isFalse();      // exactly 5 %: not exceeded
        assertThat(fivePercent.exceededBy(6, 100)).isTrue();
        assertThat(fivePercent.exceededBy(1, 10)).isTrue();        // 10 %
    }

    @Test
    void oneHundredPercentNeverStops() {
        assertThat(new FailureBudget(100, true).exceededBy(40, 40)).isFalse();
    }

    @Test
    void printsAsTheUserWritesIt() {
        assertThat(new FailureBudget(5, true)).hasToString("5%");
        assertThat(new FailureBudget(0, false)).hasToString("0");
    }
}
