package io.winrminvoke.engine.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.result.FailurePolicy.Verdict;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

    private static RunSummary summary(int succeeded, int failed, int unreachable) {
        Map<HostStatus, Integer> counts = new EnumMap<>(HostStatus.class);
        counts.put(HostStatus.SUCCEEDED, succeeded);
        counts.put(HostStatus.FAILED, failed);
        counts.put(HostStatus.UNREACHABLE, unreachable);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new RunSummary(now, now, counts);
    }

    @Test
    void defaultFailsOnAnySingleFailedHost() {
        FailurePolicy policy = FailurePolicy.failOnAnyFailure();

        assertThat(policy.decide(summary(10, 0, 0))).isEqualTo(Verdict.PASSED);
        assertThat(policy.decide(summary(9, 1, 0))).isEqualTo(Verdict.FAILED);
    }

    @Test
    void everyStatusOtherThanSucceededCountsAsFailed() {
        Map<HostStatus, Integer> counts = new EnumMap<>(HostStatus.class);
        for (HostStatus s : HostStatus.values()) {
            counts.put(s, 1);
        }
        RunSummary all = new RunSummary(Instant.EPOCH, Instant.EPOCH, counts);

        assertThat(FailurePolicy.failedHosts(all)).isEqualTo(HostStatus.values().length - 1);
        assertThat(FailurePolicy.failOnAnyFailure().decide(summary(5, 0, 1))).isEqualTo(Verdict.FAILED);
    }

    @Test
    void unstableModeGivesUnstableInsteadOfFailed() {
        FailurePolicy policy = FailurePolicy.of("unstable", null, null);

        assertThat(policy.decide(summary(3, 1, 0))).isEqualTo(Verdict.UNSTABLE);
        assertThat(policy.decide(summary(4, 0, 0))).isEqualTo(Verdict.PASSED);
    }

    @Test
    void toleratesUpToTheGivenNumberOfFailedHosts() {
        FailurePolicy policy = FailurePolicy.of("fail", 2, null);

        assertThat(policy.decide(summary(8, 1, 1))).isEqualTo(Verdict.PASSED);
        assertThat(policy.decide(summary(7, 2, 1))).isEqualTo(Verdict.FAILED);
    }

    @Test
    void toleratesUpToTheGivenPercentageOfFailedHosts() {
        FailurePolicy tenPercent = FailurePolicy.of("unstable", null, 10);

        assertThat(tenPercent.decide(summary(18, 2, 0))).isEqualTo(Verdict.PASSED);   // exactly 10%
        assertThat(tenPercent.decide(summary(17, 3, 0))).isEqualTo(Verdict.UNSTABLE); // 15%
    }

    @Test
    void percentageIsComparedExactlyNotRounded() {
        // 1 of 3 hosts is 33.3%: 33 does not cover it, 34 does
        assertThat(FailurePolicy.of(null, null, 33).decide(summary(2, 1, 0))).isEqualTo(Verdict.FAILED);
        assertThat(FailurePolicy.of(null, null, 34).decide(summary(2, 1, 0))).isEqualTo(Verdict.PASSED);
    }

    @Test
    void emptyRunPasses() {
        assertThat(FailurePolicy.failOnAnyFailure().decide(summary(0, 0, 0))).isEqualTo(Verdict.PASSED);
    }

    @Test
    void onFailureIsCaseInsensitiveAndDefaultsToFail() {
        assertThat(FailurePolicy.of(" UNSTABLE ", null, null).onFailure()).isEqualTo(Verdict.UNSTABLE);
        assertThat(FailurePolicy.of("", null, null).onFailure()).isEqualTo(Verdict.FAILED);
        assertThat(FailurePolicy.of(null, null, null)).isEqualTo(FailurePolicy.failOnAnyFailure());
    }

    @Test
    void unknownOnFailureValueIsRejectedNamingOptionValueAndAllowed() {
        assertThatThrownBy(() -> FailurePolicy.of("ignore", null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("onFailure: invalid value 'ignore': allowed 'fail' or 'unstable'");
    }

    @Test
    void passedIsNotAValidOnFailureVerdict() {
        assertThatThrownBy(() -> new FailurePolicy(Verdict.PASSED, 0, 0))
                .hasMessageContaining("onFailure");
    }

    @Test
    void negativeToleratedFailuresIsRejected() {
        assertThatThrownBy(() -> FailurePolicy.of("fail", -1, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContainingAll("toleratedFailures", "'-1'", "0 or more");
    }

    @Test
    void percentOutsideZeroToHundredIsRejected() {
        assertThatThrownBy(() -> FailurePolicy.of("fail", null, 101))
                .hasMessageContainingAll("toleratedFailurePercent", "'101'", "0..100");
        assertThatThrownBy(() -> FailurePolicy.of("fail", null, -5))
                .hasMessageContainingAll("toleratedFailurePercent", "-5");
    }

    @Test
    void countAndPercentageTogetherAreRejected() {
        assertThatThrownBy(() -> FailurePolicy.of("fail", 2, 10))
                .hasMessageContainingAll("toleratedFailures", "toleratedFailurePercent", "cannot both be set");
    }

    @Test
    void explainsCountsAndTolerance() {
        assertThat(FailurePolicy.of("fail", 1, null).explain(summary(8, 1, 1)))
                .isEqualTo("2 of 10 hosts failed (tolerated: 1)");
        assertThat(FailurePolicy.of("fail", null, 25).explain(summary(3, 1, 0)))
                .isEqualTo("1 of 4 hosts failed (tolerated: 25%)");
    }

    @Test
    void hostsNeverStartedCountAgainstTheToleranceButAreNotCalledFailed() {
        Map<HostStatus, Integer> counts = new EnumMap<>(HostStatus.class);
        counts.put(HostStatus.SUCCEEDED, 0);
        counts.put(HostStatus.AUTH_FAILED, 1);
        counts.put(HostStatus.SKIPPED, 49);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        RunSummary summary = new RunSummary(now, now, counts);
        FailurePolicy policy = FailurePolicy.of("fail", 1, null);

        assertThat(policy.decide(summary)).isEqualTo(Verdict.FAILED);
        assertThat(policy.explain(summary))
                .isEqualTo("50 of 50 hosts did not succeed: 1 failed, 49 not attempted (tolerated: 1)");
    }
}
