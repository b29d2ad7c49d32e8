package io.winrminvoke.invocation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The calls whose fleet run is under way in this JVM, by id, so that another request can wait for
 * one to end. An abort cancels the run from the side (remoting interrupts the agent's thread)
 * and returns at once; the controller then waits here, through a second call, until the cancelled
 * run has terminated its commands and deleted its shells, before the build ends.
 */
public final class RunningCalls {

    private static final Map<String, CountDownLatch> RUNNING = new ConcurrentHashMap<>();

    private RunningCalls() {
    }

    /** A run in progress; closing it marks its end. */
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }

    /** @throws IllegalStateException if a run of this id is already in progress */
    public static Running start(String id) {
        CountDownLatch ended = new CountDownLatch(1);
        if (RUNNING.putIfAbsent(id, ended) != null) {
            throw new IllegalStateException("a run of call " + id + " is already in progress");
        }
        return () -> {
            RUNNING.remove(id, ended);
            ended.countDown();
        };
    }

    /**
     * Waits at most {@code max} for the run of {@code id} to end.
     *
     * @return true if no run of that id is in progress (any more), false if it still was after {@code max}
     */
    public static boolean awaitEnd(String id, Duration max) throws InterruptedException {
        CountDownLatch ended = RUNNING.get(id);
        return ended == null || ended.await(Math.max(0, max.toMillis()), TimeUnit.MILLISECONDS);
    }
}
