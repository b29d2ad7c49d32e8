package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunningCallsTest {

    @Test
    void waitingForARunInProgressReturnsWhenItEnds() throws Exception {
        RunningCalls.Running running = RunningCalls.start("call-a");
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return RunningCalls.awaitEnd("call-a", Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.await();
        assertThat(ended).isNotDone();

        running.close();

        assertThat(ended.get(1, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void aRunStillGoingAfterTheBoundIsReportedAsNotEnded() throws Exception {
        try (RunningCalls.Running ignored = RunningCalls.start("call-b")) {
            assertThat(RunningCalls.awaitEnd("call-b", Duration.ZERO)).isFalse();
        }
        assertThat(RunningCalls.awaitEnd("call-b", Duration.ZERO)).isTrue();
    }

    @Test
    void aCallWithNoRunInProgressHasNothingToWaitFor() throws Exception {
        assertThat(RunningCalls.awaitEnd("never-started", Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void oneIdRunsOnceAtATime() {
        try (RunningCalls.Running ignored = RunningCalls.start("call-c")) {
            assertThatThrownBy(() -> RunningCalls.start("call-c")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("call-c");
        }
        RunningCalls.start("call-c").close();
    }
}
