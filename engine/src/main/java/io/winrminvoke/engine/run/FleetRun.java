package io.winrminvoke.engine.run;

import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.result.RunSummary;
import io.winrminvoke.engine.rollout.RolloutTracker;
import io.winrminvoke.engine.rollout.Wave;
import io.winrminvoke.engine.rollout.WaveReport;
import io.winrminvoke.engine.targets.Target;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run in progress, started by {@link FleetRunner#start}. Hosts start in input order with at
 * most {@code throttle} in flight; each host's result is recorded whatever happens to the others.
 * With a rollout policy the hosts run in waves, each starting when the previous one has ended;
 * a wave that ends over the failure budget stops the rollout, and the hosts not started end
 * SKIPPED "not attempted: ..." (docs/rollout.md).
 *
 * <p>Stopping: {@link #cancel()} (or interrupting a thread blocked in {@link #await()}) and the
 * overall deadline both stop the run the same way: no new host starts (those become SKIPPED),
 * every attempt in flight is terminated (Signal terminate, Delete) in parallel, and waits between
 * retries end. Hosts in flight become CANCELLED on cancel, TIMED_OUT at the overall deadline.
 * A host whose worker has not returned {@link #STOP_GRACE} after the stop is given that status
 * anyway, so {@code await()} returns within 5 s of a cancel; except a host whose Create was on
 * its way at the stop: its answer names a shell that must be deleted, so that host is waited for
 * up to the operation timeout longer (docs/engine.md, Cancellation).
 *
 * <p>Threads (all daemon, named {@code winrm-invoke-run<N>-...}): one coordinator, up to
 * {@code throttle} workers, a timer for per-attempt deadlines and short-lived abort threads.
 * None outlive the run unless a client call ignores its own timeouts.
 */
public final class FleetRun {

    /** How long a stop waits for workers before giving their hosts a result without them. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(3);
    /** How often the end of a stop looks whether the hosts still creating shells are done. */
    private static final Duration SHELL_GRACE_RECHECK = Duration.ofMillis(50);

    private static final AtomicInteger RUN_NUMBERS = new AtomicInteger();

    /** Why the run stopped early. */
    enum StopReason {
        CANCELLED, DEADLINE;

        HostStatus hostStatus() {
            return this == CANCELLED ? HostStatus.CANCELLED : HostStatus.TIMED_OUT;
        }

        String describe(RunOptions options) {
            return this == CANCELLED ? "run cancelled" : "overall timeout " + options.overallTimeout() + " passed";
        }
    }

    private final RunRequest request;
    private final RunListener listener;
    private final WinRsClientFactory clients;
    private final SshClientFactory sshClients;
    private final String threadPrefix;
    private final List<HostRun> hosts;
    private final RolloutTracker rollout;
    private final CredentialBreaker credentials;
    private final AtomicInteger nextHost = new AtomicInteger();
    /** Index just past the last host of the wave being run; written before its workers start. */
    private volatile int waveEnd;
    private final HostCompletions completions;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CompletableFuture<RunResult> completion = new CompletableFuture<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService aborter;

    private final Object lock = new Object();
    private volatile StopReason stopReason;   // written under lock
    private int runningWorkers;               // guarded by lock
    private volatile Instant started;
    private volatile Instant overallDeadline;

    FleetRun(RunRequest request, RunListener listener, WinRsClientFactory clients, SshClientFactory sshClients) {
        this.request = request;
        this.listener = new GuardedListener(listener);
        this.clients = clients;
        this.sshClients = sshClients;
        this.threadPrefix = "winrm-invoke-run" + RUN_NUMBERS.incrementAndGet() + "-";
        Charset charset = Codepages.charsetFor(request.command().codepage());
        List<HostRun> list = new ArrayList<>();
        request.targets().forEach(t -> list.add(new HostRun(this, t, request, charset)));
        this.hosts = List.copyOf(list);
        this.completions = new HostCompletions(this.listener, hosts.size());
        this.rollout = new RolloutTracker(request.options().rollout(),
                request.options().rollout().plan(hosts.size()));
        this.credentials = new CredentialBreaker(request.options().authFailureLimit());
        ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, daemonThreads("timer"));
        // A watchdog cancelled when its attempt ends would otherwise wait in the queue until its
        // full command timeout, holding the attempt's client and output, for every host of the run.
        deadlines.setRemoveOnCancelPolicy(true);
        this.timer = deadlines;
        this.aborter = Executors.newCachedThreadPool(daemonThreads("abort"));
    }

    void begin() {
        Thread coordinator = new Thread(this::coordinate, threadPrefix + "coordinator");
        coordinator.setDaemon(true);
        coordinator.start();
    }

    /**
     * Stops the run: no new host starts, attempts in flight are terminated. Idempotent, returns at
     * once; {@link #await()} then returns within 5 s.
     */
    public void cancel() {
        stop(StopReason.CANCELLED);
    }

    /** Whether the run was cancelled (not merely stopped by its overall deadline). */
    public boolean isCancelled() {
        return stopReason == StopReason.CANCELLED;
    }

    public boolean isDone() {
        return completion.isDone();
    }

    /**
     * Waits for the run to end. Interrupting the waiting thread cancels the run; the call still
     * returns the result (within 5 s) and leaves the thread's interrupt flag set.
     */
    public RunResult await() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return completion.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancel();
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("run failed: " + e.getCause(), e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits at most {@code timeout}; empty if the run is still going. Interrupt cancels as in {@link #await()}. */
    public Optional<RunResult> await(Duration timeout) {
        try {
            return Optional.of(completion.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            cancel();
            RunResult r = await();
            Thread.currentThread().interrupt();
            return Optional.of(r);
        } catch (ExecutionException e) {
            throw new IllegalStateException("run failed: " + e.getCause(), e.getCause());
        }
    }

    // ---- called by HostRun ----

    StopReason stopReason() {
        return stopReason;
    }

    Instant overallDeadline() {
        return overallDeadline;
    }

    WinRsClientFactory clients() {
        return clients;
    }

    SshClientFactory sshClients() {
        return sshClients;
    }

    RunListener listener() {
        return listener;
    }

    /**
     * The one place a host is turned away before it is contacted: why it may not be (its result
     * is then SKIPPED {@code "not attempted: <reason>"}); null while hosts may be started. A
     * rollout stopped over its failure budget, or credentials refused by too many hosts.
     */
    String notAttemptedReason() {
        String rolloutStopped = rollout.stopReason();
        return rolloutStopped != null ? rolloutStopped : credentials.trippedReason();
    }

    /** Whether workers may take further hosts (the rollout's door is open, the credentials not refused). */
    private boolean admitsHosts() {
        return rollout.admitsHosts() && credentials.trippedReason() == null;
    }

    /**
     * Waits until {@code target} may log on ({@link CredentialBreaker}); null if the run stopped
     * or the credentials were refused meanwhile.
     */
    CredentialBreaker.Logon admitLogon(Target target) {
        try {
            return credentials.admit(target, () -> stopReason != null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits {@code delay} unless the run stops first; true if it stopped. */
    boolean awaitStop(Duration delay) {
        try {
            return stopSignal.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Runs a stop (closing a client may wait for its Create to answer) on the stopping pool, so
     * hosts whose deadlines pass together are stopped together, not one after another.
     */
    void stopAsync(Runnable stop) {
        try {
            aborter.execute(stop);
        } catch (RejectedExecutionException e) {
            // the run has ended; its hosts were stopped by then
        }
    }

    /**
     * After a cancel: waits, at most {@code max}, until the stops already under way (Signal
     * terminate, Delete) have been sent. {@link #await()} returns within its grace even if a slow
     * host is still being stopped; a process about to exit calls this so those requests go out.
     *
     * @return true if every stop finished
     */
    public boolean awaitStopsSent(Duration max) throws InterruptedException {
        aborter.shutdown(); // no new stops; those under way run to their end
        return aborter.awaitTermination(Math.max(0, max.toMillis()), TimeUnit.MILLISECONDS);
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return timer.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Called once per host, with no lock held (see {@link HostCompletions}). */
    void hostFinished(HostResult result) {
        // counted before the listener call, which may be slow: the rollout decides on it
        rollout.hostFinished(result.status() != HostStatus.SKIPPED, result.status().isSuccess());
        completions.finished(result);
    }

    // ---- the run ----

    private void coordinate() {
        try {
            started = Instant.now();
            Duration overall = request.options().overallTimeout();
            overallDeadline = overall == null ? null : started.plus(overall);
            listener.runStarted(hosts.size());
            boolean staged = request.options().rollout().staged();
            int waveCount = rollout.plan().size();
            for (Wave wave : rollout.plan().waves()) {
                if (stopReason != null || notAttemptedReason() != null) {
                    break;
                }
                rollout.waveStarted(wave);
                if (staged) {
                    listener.waveStarted(wave, waveCount);
                }
                runWave(wave);
                if (stopReason != null) {
                    break;
                }
                WaveReport report = rollout.waveEnded();
                if (staged) {
                    listener.waveEnded(report);
                }
            }
            awaitStoppedWorkers();
        } catch (InterruptedException e) {
            // Nobody interrupts the coordinator but a JVM shutdown; end the run quickly.
            stop(StopReason.CANCELLED);
        } catch (RuntimeException | Error e) {
            stop(StopReason.CANCELLED);
            System.getLogger(FleetRun.class.getName()).log(System.Logger.Level.ERROR, "run coordinator failed", e);
        } finally {
            try {
                completion.complete(finishRun());
            } catch (RuntimeException | Error e) {
                completion.completeExceptionally(e);
            }
        }
    }

    /** Runs one wave's hosts on at most {@code throttle} workers; returns when they are done or the run stops. */
    private void runWave(Wave wave) throws InterruptedException {
        int workers = Math.min(request.options().throttle(), wave.hosts());
        nextHost.set(wave.firstHost());
        waveEnd = wave.endHost();
        synchronized (lock) {
            runningWorkers = workers;
        }
        for (int k = 1; k <= workers; k++) {
            Thread worker = new Thread(this::work, threadPrefix + "worker-" + k);
            worker.setDaemon(true);
            worker.start();
        }
        synchronized (lock) {
            while (runningWorkers > 0 && stopReason == null) {
                if (overallDeadline == null) {
                    lock.wait();
                } else {
                    long ms = Duration.between(Instant.now(), overallDeadline).toMillis();
                    if (ms <= 0) {
                        stop(StopReason.DEADLINE);
                    } else {
                        lock.wait(ms);
                    }
                }
            }
        }
    }

    /**
     * After a stop: gives the workers still busy {@link #STOP_GRACE} to come back, and those
     * whose host is still starting its shell up to the operation timeout more (a Create answered
     * late is then followed by its Delete before the run ends).
     */
    private void awaitStoppedWorkers() throws InterruptedException {
        Instant graceEnd = Instant.now().plus(STOP_GRACE);
        Instant shellGraceEnd = graceEnd.plus(request.options().operationTimeout());
        synchronized (lock) {
            long ms;
            while (runningWorkers > 0 && (ms = Duration.between(Instant.now(), graceEnd).toMillis()) > 0) {
                lock.wait(ms);
            }
            while (runningWorkers > 0 && hosts.stream().anyMatch(h -> !h.finished() && h.startingShell())
                    && (ms = Duration.between(Instant.now(), shellGraceEnd).toMillis()) > 0) {
                lock.wait(Math.min(ms, SHELL_GRACE_RECHECK.toMillis()));
            }
        }
    }

    private void work() {
        try {
            while (stopReason == null && admitsHosts()) {
                int i = nextHost.getAndIncrement();
                if (i >= waveEnd) {
                    break;
                }
                hosts.get(i).execute();
            }
        } finally {
            synchronized (lock) {
                runningWorkers--;
                lock.notifyAll();
            }
        }
    }

    private void stop(StopReason reason) {
        synchronized (lock) {
            if (stopReason != null || completion.isDone()) {
                return;
            }
            stopReason = reason;
            lock.notifyAll();
        }
        stopSignal.countDown();
        credentials.wakeUp();
        // Terminate in parallel: Signal + Delete is a round trip or two per host.
        for (HostRun host : hosts) {
            if (host.started() && !host.finished()) {
                try {
                    aborter.execute(host::abort);
                } catch (RejectedExecutionException e) {
                    return; // the run already ended
                }
            }
        }
    }

    private RunResult finishRun() {
        StopReason stop = stopReason;
        String why = stop == null ? "run ended" : stop.describe(request.options());
        String notAttempted = notAttemptedReason();
        for (HostRun host : hosts) {
            if (!host.finished()) {
                if (notAttempted != null && !host.started()) {
                    host.notAttempted(notAttempted);
                } else {
                    host.abandon(stop == null ? HostStatus.ERROR : stop.hostStatus(), why);
                }
            }
        }
        List<HostResult> results = new ArrayList<>(hosts.size());
        hosts.forEach(h -> results.add(h.result()));
        Instant ended = Instant.now();
        RunResult result = new RunResult(results, RunSummary.of(started == null ? ended : started, ended, results),
                rollout.report(stop == null ? null : stop.describe(request.options())));
        timer.shutdownNow();
        aborter.shutdown();
        listener.runFinished(result);
        return result;
    }

    private ThreadFactory daemonThreads(String role) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, threadPrefix + role + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
