package io.winrminvoke.engine.run;

import io.winrminvoke.engine.result.HostResult;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tells the listener of each host's result, with {@code done} counting up: calls are serialised
 * so a progress line never goes backwards. Listeners only hand report I/O to their own thread
 * (ReportDirectoryWriter), so the serialised part is short; but a listener stuck in this call (a
 * stalled console stream) must not hold up the other hosts' results, so after a bounded wait
 * the call goes ahead unordered.
 */
final class HostCompletions {

    /** How long a host's hostFinished call waits for the previous one's listener call. */
    private static final Duration LISTENER_PATIENCE = Duration.ofSeconds(1);

    private final RunListener listener;
    private final int total;
    private final AtomicInteger finished = new AtomicInteger();
    private final ReentrantLock order = new ReentrantLock();
    /** Set once a listener held up a call: later calls stop waiting for their turn. */
    private volatile boolean listenerStalled;

    HostCompletions(RunListener listener, int total) {
        this.listener = listener;
        this.total = total;
    }

    /** Called once per host, with no lock held. */
    void finished(HostResult result) {
        boolean ordered = false;
        try {
            ordered = order.tryLock(listenerStalled ? 0 : LISTENER_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!ordered) {
            listenerStalled = true;
        }
        try {
            listener.hostFinished(result, finished.incrementAndGet(), total);
        } finally {
            if (ordered) {
                order.unlock();
            }
        }
    }
}
