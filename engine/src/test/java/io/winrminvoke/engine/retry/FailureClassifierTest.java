package io.winrminvoke.engine.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.winrm.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FailureClassifierTest {

    private static final RetryPolicy DEFAULT = RetryPolicy.defaults();
    private static final RetryPolicy OPTED_IN = RetryPolicy.builder().retryAfterCommandStarted(true)
            .retryOnNonZeroExit(true).build();

    @ParameterizedTest
    @EnumSource(value = FailureKind.class,
            names = {"CONNECTION_REFUSED", "CONNECT_TIMEOUT", "CONNECTION_DROPPED", "NO_RESPONSE", "QUOTA_EXCEEDED"})
    void transientFailuresBeforeTheCommandStartedRetry(FailureKind kind) {
        assertThat(FailureClassifier.classify(kind, false, DEFAULT).retry()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = FailureKind.class,
            names = {"CONNECTION_REFUSED", "CONNECT_TIMEOUT", "CONNECTION_DROPPED", "NO_RESPONSE", "QUOTA_EXCEEDED"})
    void transientFailuresAfterTheCommandMayHaveStartedRetryOnlyWhenOptedIn(FailureKind kind) {
        RetryDecision no = FailureClassifier.classify(kind, true, DEFAULT);
        assertThat(no.retry()).isFalse();
        assertThat(no.reason()).contains("may have started");
        assertThat(FailureClassifier.classify(kind, true, OPTED_IN).retry()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = FailureKind.class,
            names = {"AUTH_FAILED", "TLS_FAILED", "UNKNOWN_HOST", "PROTOCOL_ERROR", "COMMAND_TIMEOUT", "CANCELLED"})
    void permanentFailuresNeverRetryEvenWhenOptedIn(FailureKind kind) {
        assertThat(FailureClassifier.classify(kind, false, OPTED_IN).retry()).isFalse();
        assertThat(FailureClassifier.classify(kind, true, OPTED_IN).retry()).isFalse();
    }

    @Test
    void nonZeroExitRetriesOnlyWhenTheUserAsks() {
        assertThat(FailureClassifier.classifyExit(3, DEFAULT).retry()).isFalse();
        assertThat(FailureClassifier.classifyExit(3, OPTED_IN).retry()).isTrue();
        assertThat(FailureClassifier.classifyExit(0, OPTED_IN).retry()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "CONNECTION_REFUSED, UNREACHABLE",
        "CONNECT_TIMEOUT, UNREACHABLE",
        "UNKNOWN_HOST, UNREACHABLE",
        "AUTH_FAILED, AUTH_FAILED",
        "COMMAND_TIMEOUT, TIMED_OUT",
        "CANCELLED, CANCELLED",
        "TLS_FAILED, ERROR",
        "QUOTA_EXCEEDED, ERROR",
        "CONNECTION_DROPPED, ERROR",
        "NO_RESPONSE, ERROR",
        "PROTOCOL_ERROR, ERROR",
    })
    void statusFollowsTheFailureKind(FailureKind kind, HostStatus status) {
        assertThat(FailureClassifier.statusOf(kind)).isEqualTo(status);
    }
}
