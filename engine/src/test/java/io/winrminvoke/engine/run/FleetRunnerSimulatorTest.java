package io.winrminvoke.engine.run;

import io.winrminvoke.engine.winrm.AuthSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.RequestLogEntry;
import io.winrminvoke.simulator.scenario.Scenario;
import io.winrminvoke.simulator.SimulatedFleet;
import io.winrminvoke.simulator.SimulatedHost;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fan-out, retry, timeouts and cancellation against the simulated fleet (real wire). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FleetRunnerSimulatorTest {

    private static final String USER = "admin";
    private static final String PASSWORD = "s3cret";

    /** Small delays: the behaviour is the same, the suite stays fast. */
    private static final RetryPolicy FAST_RETRY = RetryPolicy.builder().maxAttempts(3)
            .initialDelay(Duration.ofMillis(20)).multiplier(2).jitter(0).build();

    private SimulatedFleet fleet;

    /**
     * Loads the client's classes once, so a test whose deadline is a second long measures the
     * deadline and not the JVM warming up.
     */
    @BeforeAll
    static void warmUp() {
        try (SimulatedFleet warm = start(FleetConfig.builder().hosts(1))) {
            FleetRunner.run(request(warm.hosts(), options()), RunListener.NONE);
        }
    }

    @AfterEach
    void stopFleetAndCheckNoThreadLeft() throws InterruptedException {
        if (fleet != null) {
            fleet.close();
        }
        waitFor(() -> runThreads().isEmpty(), Duration.ofSeconds(5));
        assertThat(runThreads()).as("engine threads still alive after the run").isEmpty();
    }

    @Test
    void throttleBoundsTheShellsOpenAtOnceAndEveryHostGetsAResult() {
        fleet = start(FleetConfig.builder().hosts(200).clockScale(0.02)
                .scenario(Scenario.fromJson("{\"hosts\":{\"0-199\":{\"steps\":[{\"sleep\":\"PT5S\"},{\"stdout\":\"ok\\n\"}]}}}")));
        RunResult result = FleetRunner.run(request(fleet.hosts(), options().throttle(20)), RunListener.NONE);

        assertThat(fleet.counters().maxConcurrentShells()).isBetween(2, 20);
        assertThat(result.hosts()).hasSize(200);
        assertThat(result.hosts()).extracting(HostResult::target).containsExactlyElementsOf(targets(fleet.hosts()));
        assertThat(result.hosts()).allSatisfy(h -> {
            assertThat(h.status()).isEqualTo(HostStatus.SUCCEEDED);
            assertThat(h.stdout()).isEqualTo("ok\n");
        });
        assertThat(result.summary().count(HostStatus.SUCCEEDED)).isEqualTo(200);
        assertThat(result.summary().allSucceeded()).isTrue();
    }

    @Test
    void hostsStartInInputOrder() {
        fleet = start(FleetConfig.builder().hosts(6));
        List<Target> started = new CopyOnWriteArrayList<>();
        List<SimulatedHost> shuffled = new ArrayList<>(fleet.hosts());
        Collections.reverse(shuffled);
        FleetRunner.run(request(shuffled, options().throttle(1)), new RunListener() {
            @Override
            public void attemptStarted(Target target, int attempt) {
                started.add(target);
            }
        });
        assertThat(started).containsExactlyElementsOf(targets(shuffled));
    }

    @Test
    void silentCommandLongerThanOperationTimeoutSucceeds() {
        // Scaled clock: operation timeout 1 s is 10 ms on the host; the 30 s silence is 300 ms.
        fleet = start(FleetConfig.builder().hosts(1).clockScale(0.01)
                .scenario(Scenario.fromJson("{\"hosts\":{\"0\":{\"steps\":[{\"sleep\":\"PT30S\"},{\"stdout\":\"done\\n\"}]}}}")));
        RunResult result = FleetRunner.run(request(fleet.hosts(),
                options().operationTimeout(Duration.ofSeconds(1))), RunListener.NONE);

        HostResult h = result.hosts().get(0);
        assertThat(h.status()).as(h.message()).isEqualTo(HostStatus.SUCCEEDED);
        assertThat(h.stdout()).isEqualTo("done\n");
        assertThat(h.attempts()).hasSize(1);
        assertThat(fleet.requestLog().entries()).filteredOn(e -> "w:TimedOut".equals(e.fault())).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void hostRefusingTwiceThenAcceptingSucceedsOnAttempt3WithGrowingBackoff() {
        fleet = start(FleetConfig.builder().hosts(1));
        SimulatedHost host = fleet.host(0);
        host.stopListening();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(4).initialDelay(Duration.ofMillis(100)).multiplier(4)
                .jitter(0).build();
        List<Duration> announcedDelays = new CopyOnWriteArrayList<>();
        RunResult result = FleetRunner.run(request(fleet.hosts(), options().retryPolicy(policy)), new RunListener() {
            @Override
            public void attemptStarted(Target target, int attempt) {
                if (attempt == 3) {
                    host.startListening();
                }
            }

            @Override
            public void attemptEnded(Target target, Attempt attempt, Duration nextDelay) {
                announcedDelays.add(nextDelay);
            }
        });

        HostResult h = result.hosts().get(0);
        assertThat(h.status()).as(h.message()).isEqualTo(HostStatus.SUCCEEDED);
        List<Attempt> a = h.attempts();
        assertThat(a).extracting(Attempt::outcome)
                .containsExactly(HostStatus.UNREACHABLE, HostStatus.UNREACHABLE, HostStatus.SUCCEEDED);
        assertThat(a).extracting(Attempt::failure).containsExactly("CONNECTION_REFUSED", "CONNECTION_REFUSED", null);
        assertThat(a).extracting(Attempt::retried).containsExactly(true, true, false);
        assertThat(announcedDelays).containsExactly(Duration.ofMillis(100), Duration.ofMillis(400), null);
        Duration gap1 = Duration.between(a.get(0).ended(), a.get(1).started());
        Duration gap2 = Duration.between(a.get(1).ended(), a.get(2).started());
        assertThat(gap1).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(gap2).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isGreaterThan(gap1);
        assertThat(h.message()).contains("attempt 3");
    }

    @Test
    void wrongPasswordFailsOnceWithAuthFailedAndNoRetry() {
        fleet = start(FleetConfig.builder().hosts(2)
                .scenario(Scenario.fromJson("{\"hosts\":{\"0\":{\"password\":\"different\"}}}")));
        // a host-local password: with the lock-out protection off, the other host still runs
        RunResult result = FleetRunner.run(request(fleet.hosts(), options().retryPolicy(FAST_RETRY)
                .authFailureLimit(0)), RunListener.NONE);

        HostResult denied = result.hosts().get(0);
        assertThat(denied.status()).isEqualTo(HostStatus.AUTH_FAILED);
        assertThat(denied.attempts()).hasSize(1);
        assertThat(denied.attempts().get(0).failure()).isEqualTo("AUTH_FAILED");
        assertThat(denied.message()).doesNotContain(PASSWORD).doesNotContain("\n");
        assertThat(fleet.requestLog().entriesFor(fleet.host(0)))
                .noneMatch(e -> RequestLogEntry.COMMAND.equals(e.operation()));
        assertThat(result.hosts().get(1).status()).isEqualTo(HostStatus.SUCCEEDED);
    }

    @Test
    void hostThatNeverAnswersTimesOutAtItsDeadlineWithoutHoldingUpTheRun() {
        fleet = start(FleetConfig.builder().hosts(2)
                .scenario(Scenario.fromJson("{\"hosts\":{\"0\":{\"hangConnection\":true}}}")));
        Instant begin = Instant.now();
        // The stop waits up to the operation timeout for the Create on its way (its answer would
        // name a shell to delete): 2 s, so the hung host ends within about 3 s.
        RunResult result = FleetRunner.run(request(fleet.hosts(), options().retryPolicy(FAST_RETRY)
                .operationTimeout(Duration.ofSeconds(2)).commandTimeout(Duration.ofSeconds(1))), RunListener.NONE);

        HostResult hung = result.hosts().get(0);
        assertThat(hung.status()).as(hung.message()).isIn(HostStatus.TIMED_OUT, HostStatus.UNREACHABLE);
        assertThat(hung.attempts()).hasSize(1);
        assertThat(Duration.between(begin, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(result.hosts().get(1).status()).isEqualTo(HostStatus.SUCCEEDED);
    }

    @Test
    void hostsWhoseDeadlinesPassTogetherAreStoppedTogether() {
        fleet = start(FleetConfig.builder().hosts(6)
                .scenario(Scenario.fromJson("{\"hosts\":{\"0-5\":{\"hangConnection\":true}}}")));
        RunResult result = FleetRunner.run(request(fleet.hosts(), options().retryPolicy(FAST_RETRY)
                .operationTimeout(Duration.ofSeconds(2)).commandTimeout(Duration.ofSeconds(1))), RunListener.NONE);

        // Each stop may wait up to the operation timeout (2 s) for a Create in flight; one after
        // another, six would take six times that. Together, every host ends within a few seconds.
        assertThat(result.hosts()).allSatisfy(h -> {
            assertThat(h.status()).as(h.message()).isEqualTo(HostStatus.TIMED_OUT);
            assertThat(h.duration()).isLessThan(Duration.ofSeconds(6));
        });
    }

    @Test
    void aListenerStuckInAnOutputCallDoesNotHoldUpCancel() throws Exception {
        fleet = start(FleetConfig.builder().hosts(2)
                .scenario(Scenario.fromJson("{\"hosts\":{\"0-1\":{\"steps\":[{\"stdout\":\"working\\n\"},{\"hang\":true}]}}}")));
        // both hosts stuck in the listener: a host the cancel found not yet started would rightly end
        // SKIPPED ("not started"), which on a loaded machine happened to the second one (CI, 2026-12-04)
        CountDownLatch stuck = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        FleetRun run = FleetRunner.start(request(fleet.hosts(), options()), new RunListener() {
            @Override
            public void outputLine(Target target, int attempt, OutputStream stream, String line) {
                stuck.countDown();
                try {
                    release.await(); // a console stream that stopped draining
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try {
            assertThat(stuck.await(10, TimeUnit.SECONDS)).isTrue();
            Instant cancelled = Instant.now();
            run.cancel();
            RunResult result = run.await(Duration.ofSeconds(10)).orElseThrow();

            assertThat(Duration.between(cancelled, Instant.now())).isLessThan(Duration.ofSeconds(5));
            assertThat(result.hosts()).extracting(HostResult::status).containsOnly(HostStatus.CANCELLED);
        } finally {
            release.countDown();
        }
    }

    @Test
    void afterACancelTheCallerCanWaitUntilSignalAndDeleteHaveGoneOut() throws Exception {
        fleet = start(FleetConfig.builder().hosts(1).scenario(Scenario.fromJson(
                "{\"hosts\":{\"0\":{\"latency\":\"PT1.5S\",\"steps\":[{\"stdout\":\"working\\n\"},{\"hang\":true}]}}}")));
        CountDownLatch working = new CountDownLatch(1);
        FleetRun run = FleetRunner.start(request(fleet.hosts(), options()), new RunListener() {
            @Override
            public void outputLine(Target target, int attempt, OutputStream stream, String line) {
                working.countDown();
            }
        });
        assertThat(working.await(20, TimeUnit.SECONDS)).isTrue();

        run.cancel();
        RunResult result = run.await();
        // a slow host: the stop (Signal, then Delete, 1.5 s each) may outlast await's grace
        assertThat(run.awaitStopsSent(Duration.ofSeconds(15))).isTrue();

        assertThat(result.hosts().get(0).status()).isEqualTo(HostStatus.CANCELLED);
        assertThat(fleet.requestLog().entries()).extracting(RequestLogEntry::operation)
                .containsSubsequence(RequestLogEntry.SIGNAL, RequestLogEntry.DELETE);
    }

    @Test
    void aCommandThatExitedKeepsItsExitCodeWhenTheRunStopsDuringASlowSignalAndDelete() throws Exception {
        // Every request takes 2.5 s: the command is done at the first Receive, then Signal and
        // Delete take 5 s more, longer than the grace a stop gives a host in flight.
        fleet = start(FleetConfig.builder().hosts(1).scenario(Scenario.fromJson(
                "{\"hosts\":{\"0\":{\"latency\":\"PT2.5S\",\"exitCode\":3,\"steps\":[{\"stdout\":\"done\\n\"}]}}}")));
        CountDownLatch done = new CountDownLatch(1);
        FleetRun run = FleetRunner.start(request(fleet.hosts(), options().retryPolicy(RetryPolicy.noRetry())),
                new RunListener() {
                    @Override
                    public void outputLine(Target target, int attempt, OutputStream stream, String line) {
                        done.countDown();
                    }
                });
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(500); // the Signal after the command's end is on its way
        run.cancel();
        RunResult result = run.await(Duration.ofSeconds(10)).orElseThrow();

        HostResult h = result.hosts().get(0);
        assertThat(h.status()).as(h.message()).isEqualTo(HostStatus.FAILED);
        assertThat(h.exitCode()).isEqualTo(3);
        assertThat(h.stdout()).isEqualTo("done\n");
        assertThat(h.attempts()).extracting(Attempt::exitCode).containsExactly(3);
        run.awaitStopsSent(Duration.ofSeconds(15));
    }

    @Test
    void aHostAbandonedAfterTheGraceKeepsTheOutputItHadPrinted() throws Exception {
        // The worker is held in a listener call (a stalled console) when the run is cancelled, so
        // the stop gives up on it after the grace: its result must still carry what was captured.
        fleet = start(FleetConfig.builder().hosts(1).scenario(Scenario.fromJson(
                "{\"hosts\":{\"0\":{\"steps\":[{\"stdout\":\"first\\n\"},{\"stdout\":\"second\\n\"},{\"hang\":true}]}}}")));
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FleetRun run = FleetRunner.start(request(fleet.hosts(), options().retryPolicy(RetryPolicy.noRetry())),
                new RunListener() {
                    @Override
                    public void outputLine(Target target, int attempt, OutputStream stream, String line) {
                        if (line.equals("second")) {
                            stalled.countDown();
                            try {
                                release.await(60, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                });
        try {
            assertThat(stalled.await(30, TimeUnit.SECONDS)).isTrue();
            run.cancel();
            RunResult result = run.await(Duration.ofSeconds(20)).orElseThrow();

            HostResult h = result.hosts().get(0);
            assertThat(h.status()).as(h.message()).isEqualTo(HostStatus.CANCELLED);
            assertThat(h.attempts()).singleElement().satisfies(a -> assertThat(a.error()).contains("abandoned"));
            assertThat(h.stdout()).isEqualTo("first\nsecond\n");
        } finally {
            release.countDown();
            run.awaitStopsSent(Duration.ofSeconds(15));
        }
    }

    @Test
    void commandTimeoutTerminatesTheRemoteCommand() {
        fleet = start(FleetConfig.builder().hosts(1)
                .scenario(Scenario.fromJson("{\"hosts\":{\"0\":{\"steps\":[{\"stdout\":\"started\\n\"},{\"hang\":true}]}}}")));
        RunResult result = FleetRunner.run(request(fleet.hosts(), options().retryPolicy(FAST_RETRY)
                .commandTimeout(Duration.ofMillis(500))), RunListener.NONE);

        HostResult h = result.hosts().get(0);
        assertThat(h.status()).as(h.message()).isEqualTo(HostStatus.TIMED_OUT);
        assertThat(h.attempts()).hasSize(1);
        assertThat(h.stdout()).isEqualTo("started\n");
        assertThat(h.message()).isEqualTo("command timeout PT0.5S passed; remote command terminated");
        waitFor(() -> fleet.counters().openShells() == 0, Duration.ofSeconds(5));
        assertSignalThenDeleteEndEveryShell(fleet.requestLog().entries());
    }

    @Test
    void aCommandDeadlineThatPassesWhileTheClientIsBeingOpenedStartsNothing() {
        fleet = start(FleetConfig.builder().hosts(1));
        // A client that is slow to set up (class loading, a TLS context): the deadline passes first.
        WinRsClientFactory slowToOpen = settings -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return io.winrminvoke.engine.winrm.WinRsClients.connect(settings);
        };
        RunResult result = FleetRunner.run(request(fleet.hosts(), options().retryPolicy(FAST_RETRY)
                .commandTimeout(Duration.ofMillis(200))), RunListener.NONE, slowToOpen);

        HostResult h = result.hosts().get(0);
        assertThat(h.status()).as(h.message()).isEqualTo(HostStatus.TIMED_OUT);
        assertThat(h.attempts()).hasSize(1);
        assertThat(h.message()).startsWith("command timeout PT0.2S passed; stopped before the command started");
        assertThat(fleet.requestLog().entries()).as("nothing may start after the deadline").isEmpty();
    }

    @Test
    void cancelDuringARunSignalsAndDeletesEveryOpenShellAndReturnsWithinFiveSeconds() throws Exception {
        fleet = start(FleetConfig.builder().hosts(50)
                .scenario(Scenario.fromJson("{\"hosts\":{\"0-49\":{\"steps\":[{\"stdout\":\"working\\n\"},{\"hang\":true}]}}}")));
        CountDownLatch allRunning = new CountDownLatch(25);
        FleetRun run = FleetRunner.start(request(fleet.hosts(), options().throttle(25).retryPolicy(FAST_RETRY)),
                new RunListener() {
                    @Override
                    public void outputLine(Target target, int attempt, OutputStream stream, String line) {
                        allRunning.countDown();
                    }
                });
        assertThat(allRunning.await(30, TimeUnit.SECONDS)).isTrue();

        long t0 = System.nanoTime();
        run.cancel();
        run.cancel(); // idempotent
        RunResult result = run.await();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));

        assertThat(run.isCancelled()).isTrue();
        assertThat(result.hosts().subList(0, 25)).allSatisfy(h -> {
            assertThat(h.status()).as(h.message()).isEqualTo(HostStatus.CANCELLED);
            assertThat(h.stdout()).isEqualTo("working\n");
        });
        assertThat(result.hosts().subList(25, 50)).allSatisfy(h -> {
            assertThat(h.status()).isEqualTo(HostStatus.SKIPPED);
            assertThat(h.attempts()).isEmpty();
        });
        assertThat(result.summary().count(HostStatus.CANCELLED)).isEqualTo(25);
        assertThat(result.summary().count(HostStatus.SKIPPED)).isEqualTo(25);

        waitFor(() -> fleet.counters().openShells() == 0, Duration.ofSeconds(5));
        List<RequestLogEntry> log = fleet.requestLog().entries();
        assertThat(log.stream().filter(e -> RequestLogEntry.COMMAND.equals(e.operation())).count()).isEqualTo(25);
        assertSignalThenDeleteEndEveryShell(log);
    }

    @Test
    void cancelEndsAWaitBetweenRetriesAtOnce() throws Exception {
        fleet = start(FleetConfig.builder().hosts(1).scenario(Scenario.fromJson("{\"hosts\":{\"0\":{\"refuse\":true}}}")));
        RetryPolicy slow = RetryPolicy.builder().maxAttempts(5).initialDelay(Duration.ofSeconds(30)).jitter(0).build();
        CountDownLatch waiting = new CountDownLatch(1);
        FleetRun run = FleetRunner.start(request(fleet.hosts(), options().retryPolicy(slow)), new RunListener() {
            @Override
            public void attemptEnded(Target target, Attempt attempt, Duration nextDelay) {
                if (nextDelay != null) {
                    waiting.countDown();
                }
            }
        });
        assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        run.cancel();
        RunResult result = run.await();

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        HostResult h = result.hosts().get(0);
        assertThat(h.status()).isEqualTo(HostStatus.CANCELLED);
        assertThat(h.attempts()).hasSize(1);
        assertThat(h.message()).startsWith("run cancelled while waiting to retry (last attempt: CONNECTION_REFUSED");
    }

    @Test
    void interruptingTheCallerCancelsTheRun() throws Exception {
        fleet = start(FleetConfig.builder().hosts(3)
                .scenario(Scenario.fromJson("{\"hosts\":{\"0-2\":{\"steps\":[{\"stdout\":\"x\\n\"},{\"hang\":true}]}}}")));
        CountDownLatch running = new CountDownLatch(3);
        AtomicReference<RunResult> returned = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            returned.set(FleetRunner.run(request(fleet.hosts(), options()), new RunListener() {
                @Override
                public void outputLine(Target target, int attempt, OutputStream stream, String line) {
                    running.countDown();
                }
            }));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(5000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(returned.get().hosts()).extracting(HostResult::status).containsOnly(HostStatus.CANCELLED);
        assertThat(stillInterrupted.get()).isTrue();
        waitFor(() -> fleet.counters().openShells() == 0, Duration.ofSeconds(5));
        assertSignalThenDeleteEndEveryShell(fleet.requestLog().entries());
    }

    @Test
    void overallDeadlineSkipsHostsNotStartedAndTimesOutThoseRunning() {
        fleet = start(FleetConfig.builder().hosts(6)
                .scenario(Scenario.fromJson("{\"hosts\":{\"0-5\":{\"steps\":[{\"hang\":true}]}}}")));
        Instant begin = Instant.now();
        RunResult result = FleetRunner.run(request(fleet.hosts(), options().throttle(2).retryPolicy(FAST_RETRY)
                .overallTimeout(Duration.ofSeconds(2))), RunListener.NONE);

        assertThat(Duration.between(begin, Instant.now())).isLessThan(Duration.ofSeconds(9));
        assertThat(result.hosts()).as(() -> result.hosts().stream().map(HostResult::message).collect(Collectors.joining(" | ")))
                .extracting(HostResult::status).containsExactly(HostStatus.TIMED_OUT,
                HostStatus.TIMED_OUT, HostStatus.SKIPPED, HostStatus.SKIPPED, HostStatus.SKIPPED, HostStatus.SKIPPED);
        assertThat(result.hosts().get(0).message()).contains("overall timeout PT2S passed");
        assertThat(result.hosts().get(5).message()).isEqualTo("not started: overall timeout PT2S passed");
        waitFor(() -> fleet.counters().openShells() == 0, Duration.ofSeconds(5));
        assertSignalThenDeleteEndEveryShell(fleet.requestLog().entries());
    }

    @Test
    void japaneseOutputArrivesIntactInUtf8AndShiftJis() {
        Charset sjis = Charset.forName("windows-31j");
        String b64 = Base64.getEncoder().encodeToString("こんにちは、世界\r\n".getBytes(sjis));
        fleet = start(FleetConfig.builder().hosts(2).scenario(Scenario.fromJson("{\"hosts\":{"
                + "\"0\":{\"steps\":[{\"stdout\":\"こんにちは\\n\"},{\"stderr\":\"エラー\\n\"}]},"
                + "\"1\":{\"steps\":[{\"stdoutBase64\":\"" + b64 + "\"}]}}}")));
        List<String> lines = new CopyOnWriteArrayList<>();
        RunListener collect = new RunListener() {
            @Override
            public void outputLine(Target target, int attempt, OutputStream stream, String line) {
                lines.add(stream + ":" + line);
            }
        };
        RunResult utf8 = FleetRunner.run(request(fleet.hosts().subList(0, 1), options()), collect);
        CommandSpec cp932 = new CommandSpec("chcp", List.of(), false, null, 932, false, null);
        RunResult shiftJis = FleetRunner.run(new RunRequest(targets(fleet.hosts().subList(1, 2)), USER, PASSWORD,
                cp932, options().build(), Masker.NONE), collect);

        assertThat(utf8.hosts().get(0).stdout()).isEqualTo("こんにちは\n");
        assertThat(utf8.hosts().get(0).stderr()).isEqualTo("エラー\n");
        assertThat(shiftJis.hosts().get(0).stdout()).isEqualTo("こんにちは、世界\n");
        assertThat(lines).containsExactlyInAnyOrder("STDOUT:こんにちは", "STDERR:エラー", "STDOUT:こんにちは、世界");
    }

    @Test
    void hugeOutputIsStreamedWhileTheResultKeepsOnlyTheBound() {
        fleet = start(FleetConfig.builder().hosts(1).scenario(Scenario.fromJson(
                "{\"hosts\":{\"0\":{\"steps\":[{\"stdoutRepeat\":\"x\",\"bytes\":1048576}]}}}")));
        AtomicLong streamed = new AtomicLong();
        RunResult result = FleetRunner.run(request(fleet.hosts(), options().outputLimitBytes(1000)), new RunListener() {
            @Override
            public void outputLine(Target target, int attempt, OutputStream stream, String line) {
                assertThat(line.length()).isLessThanOrEqualTo(8192);
                streamed.addAndGet(line.length());
            }
        });
        HostResult h = result.hosts().get(0);
        assertThat(h.status()).isEqualTo(HostStatus.SUCCEEDED);
        assertThat(streamed.get()).isEqualTo(1048576);
        assertThat(h.stdout()).hasSize(1000).matches("x+");
        assertThat(h.stdoutTruncated()).isTrue();
        assertThat(h.stderrTruncated()).isFalse();
    }

    @Test
    void outputAndMessagesAreMasked() {
        fleet = start(FleetConfig.builder().hosts(1).scenario(Scenario.fromJson(
                "{\"hosts\":{\"0\":{\"exitCode\":2,\"steps\":[{\"stdout\":\"pw=s3cret\\n\"},{\"stderr\":\"bad s3cret\\n\"}]}}}")));
        List<String> lines = new CopyOnWriteArrayList<>();
        RunResult result = FleetRunner.run(new RunRequest(targets(fleet.hosts()), USER, PASSWORD,
                CommandSpec.commandLine("x"), options().build(), t -> t.replace(PASSWORD, "****")), new RunListener() {
                    @Override
                    public void outputLine(Target target, int attempt, OutputStream stream, String line) {
                        lines.add(line);
                    }
                });
        HostResult h = result.hosts().get(0);
        assertThat(h.status()).isEqualTo(HostStatus.FAILED);
        assertThat(h.exitCode()).isEqualTo(2);
        assertThat(h.stdout()).isEqualTo("pw=****\n");
        assertThat(h.stderr()).isEqualTo("bad ****\n");
        assertThat(lines).containsExactlyInAnyOrder("pw=****", "bad ****");
    }

    @Test
    void aSecretCutInTwoByTheLineLengthLimitIsStillMasked() {
        String before = "x".repeat(8192 - 3); // the limit cuts the password after its 3rd character
        fleet = start(FleetConfig.builder().hosts(1).scenario(Scenario.fromJson(
                "{\"hosts\":{\"0\":{\"steps\":[{\"stdout\":\"" + before + PASSWORD + "-tail\\n\"}]}}}")));
        List<String> lines = new CopyOnWriteArrayList<>();
        RunResult result = FleetRunner.run(new RunRequest(targets(fleet.hosts()), USER, PASSWORD,
                CommandSpec.commandLine("x"), options().outputLimitBytes(65536).build(),
                SecretMasker.of(PASSWORD)), new RunListener() {
                    @Override
                    public void outputLine(Target target, int attempt, OutputStream stream, String line) {
                        lines.add(line);
                    }
                });

        String stdout = result.hosts().get(0).stdout();
        assertThat(stdout.replace("\n", "")).isEqualTo(before + "****-tail");
        assertThat(String.join("", lines)).isEqualTo(before + "****-tail");
        assertThat(lines).noneMatch(line -> line.endsWith(PASSWORD.substring(0, 3)) || line.startsWith(PASSWORD.substring(3)));
    }

    @Test
    void nonZeroExitRetriesOnlyWhenAsked() {
        fleet = start(FleetConfig.builder().hosts(1)
                .scenario(Scenario.fromJson("{\"hosts\":{\"0\":{\"exitCode\":3,\"steps\":[{\"stdout\":\"no\\n\"}]}}}")));
        RunResult byDefault = FleetRunner.run(request(fleet.hosts(), options().retryPolicy(FAST_RETRY)), RunListener.NONE);
        RetryPolicy asked = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10)).jitter(0)
                .retryOnNonZeroExit(true).build();
        RunResult retried = FleetRunner.run(request(fleet.hosts(), options().retryPolicy(asked)), RunListener.NONE);

        assertThat(byDefault.hosts().get(0).status()).isEqualTo(HostStatus.FAILED);
        assertThat(byDefault.hosts().get(0).exitCode()).isEqualTo(3);
        assertThat(byDefault.hosts().get(0).attempts()).hasSize(1);
        assertThat(byDefault.hosts().get(0).message()).isEqualTo("exit code 3");
        assertThat(retried.hosts().get(0).attempts()).extracting(Attempt::exitCode).containsExactly(3, 3, 3);
    }

    @Test
    void quotaFaultBeforeTheCommandStartedIsRetried() {
        fleet = start(FleetConfig.builder().hosts(1).scenario(Scenario.fromJson(
                "{\"hosts\":{\"0\":{\"faultOnRequest\":{\"n\":1,\"fault\":\"QuotaLimit\"},\"steps\":[{\"stdout\":\"ok\\n\"}]}}}")));
        RunResult result = FleetRunner.run(request(fleet.hosts(), options().retryPolicy(FAST_RETRY)), RunListener.NONE);

        HostResult h = result.hosts().get(0);
        assertThat(h.status()).as(h.message()).isEqualTo(HostStatus.SUCCEEDED);
        assertThat(h.attempts()).extracting(Attempt::failure).containsExactly("QUOTA_EXCEEDED", null);
    }

    @Test
    void connectionDroppedAfterTheCommandStartedIsNotRerun() {
        // Request 1 = Create, 2 = Command, 3 = the first Receive: the command is running.
        fleet = start(FleetConfig.builder().hosts(1).scenario(Scenario.fromJson(
                "{\"hosts\":{\"0\":{\"dropOnRequest\":3,\"steps\":[{\"sleep\":\"PT1S\"},{\"stdout\":\"ok\\n\"}]}}}")));
        RunResult result = FleetRunner.run(request(fleet.hosts(), options().retryPolicy(FAST_RETRY)), RunListener.NONE);

        HostResult h = result.hosts().get(0);
        assertThat(h.status()).as(h.message()).isEqualTo(HostStatus.ERROR);
        assertThat(h.attempts()).hasSize(1);
        assertThat(h.attempts().get(0).failure()).isEqualTo("CONNECTION_DROPPED");
        assertThat(fleet.requestLog().entries().stream().filter(e -> RequestLogEntry.COMMAND.equals(e.operation())))
                .hasSize(1);
    }

    @Test
    void aListenerThatThrowsLosesNoResult() {
        fleet = start(FleetConfig.builder().hosts(3));
        RunListener broken = new RunListener() {
            @Override
            public void runStarted(int totalHosts) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void attemptStarted(Target target, int attempt) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void outputLine(Target target, int attempt, OutputStream stream, String line) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void attemptEnded(Target target, Attempt attempt, Duration nextDelay) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void hostFinished(HostResult result, int done, int total) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void runFinished(RunResult result) {
                throw new IllegalStateException("boom");
            }
        };
        RunResult result = FleetRunner.run(request(fleet.hosts(), options()), broken);
        assertThat(result.hosts()).extracting(HostResult::status).containsOnly(HostStatus.SUCCEEDED);
        assertThat(result.hosts()).extracting(HostResult::stdout).containsOnly("hi\n");
    }

    @Test
    void progressCountsEveryHostOnceAndRunFinishedComesLast() {
        fleet = start(FleetConfig.builder().hosts(5)
                .scenario(Scenario.fromJson("{\"hosts\":{\"0\":{\"refuse\":true}}}")));
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Map<Target, Integer> finished = new ConcurrentHashMap<>();
        RunResult result = FleetRunner.run(request(fleet.hosts(), options().retryPolicy(RetryPolicy.noRetry())),
                new RunListener() {
                    @Override
                    public void runStarted(int totalHosts) {
                        events.add("start " + totalHosts);
                    }

                    @Override
                    public void hostFinished(HostResult r, int done, int total) {
                        finished.merge(r.target(), 1, Integer::sum);
                        events.add("done " + done + "/" + total);
                    }

                    @Override
                    public void runFinished(RunResult r) {
                        events.add("finished " + r.hosts().size());
                    }
                });
        assertThat(events.get(0)).isEqualTo("start 5");
        assertThat(events.subList(1, 6)).containsExactly("done 1/5", "done 2/5", "done 3/5", "done 4/5", "done 5/5");
        assertThat(events.get(6)).isEqualTo("finished 5");
        assertThat(finished.values()).containsOnly(1).hasSize(5);
        assertThat(result.hosts().get(0).status()).isEqualTo(HostStatus.UNREACHABLE);
    }

    // ---- helpers ----

    private static SimulatedFleet start(FleetConfig.Builder cfg) {
        return SimulatedFleet.start(cfg.user(USER).password(PASSWORD).https(false).build());
    }

    private static RunOptions.Builder options() {
        return RunOptions.builder().connectTimeout(Duration.ofSeconds(5)).operationTimeout(Duration.ofSeconds(5))
                .retryPolicy(FAST_RETRY).auth(AuthSettings.unencryptedBasic());
    }

    private static RunRequest request(List<SimulatedHost> hosts, RunOptions.Builder options) {
        return new RunRequest(targets(hosts), USER, PASSWORD, CommandSpec.commandLine("echo hi"), options.build(),
                Masker.NONE);
    }

    private static List<Target> targets(List<SimulatedHost> hosts) {
        return hosts.stream().map(h -> new Target(h.address(), h.port())).collect(Collectors.toList());
    }

    /** Every shell that ran a command got Signal terminate then Delete, and no request arrived after its Delete. */
    private static void assertSignalThenDeleteEndEveryShell(List<RequestLogEntry> log) {
        List<String> shells = log.stream().filter(e -> RequestLogEntry.COMMAND.equals(e.operation()))
                .map(RequestLogEntry::shellId).distinct().collect(Collectors.toList());
        assertThat(shells).isNotEmpty();
        for (String shell : shells) {
            // The log is appended when a request is answered; a long-poll Receive aborted by the
            // cancel is answered only after the Delete, so order by arrival time.
            List<RequestLogEntry> forShell = log.stream().filter(e -> shell.equals(e.shellId()))
                    .sorted(java.util.Comparator.comparing(RequestLogEntry::time)).collect(Collectors.toList());
            List<String> ops = forShell.stream().map(RequestLogEntry::operation).collect(Collectors.toList());
            int signal = ops.lastIndexOf(RequestLogEntry.SIGNAL);
            int delete = ops.indexOf(RequestLogEntry.DELETE);
            assertThat(signal).as("Signal for shell %s in %s", shell, ops).isGreaterThanOrEqualTo(0);
            assertThat(forShell.get(signal).signalCode()).endsWith("terminate");
            assertThat(delete).as("Delete after Signal for shell %s in %s", shell, ops).isGreaterThan(signal);
            assertThat(delete).as("nothing after Delete for shell %s in %s", shell, ops).isEqualTo(ops.size() - 1);
        }
    }

    private static List<Thread> runThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("winrm-invoke-run"))
                .collect(Collectors.toList());
    }

    private static void waitFor(BooleanSupplier condition, Duration max) {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
