package io.winrminvoke.simulator;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts that tests assert on, for one host or (when it has a parent) rolled up for the fleet:
 * shells open now and at most, commands started, requests received.
 */
public final class Counters {
    private final Counters parent;
    private final AtomicInteger openShells = new AtomicInteger();
    private final AtomicInteger maxConcurrentShells = new AtomicInteger();
    private final AtomicInteger runningCommands = new AtomicInteger();
    private final AtomicInteger maxConcurrentCommands = new AtomicInteger();
    private final AtomicLong commandsStarted = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    Counters(Counters parent) {
        this.parent = parent;
    }

    void shellOpened() {
        maxConcurrentShells.accumulateAndGet(openShells.incrementAndGet(), Math::max);
        if (parent != null) {
            parent.shellOpened();
        }
    }

    void shellClosed() {
        openShells.decrementAndGet();
        if (parent != null) {
            parent.shellClosed();
        }
    }

    void commandStarted() {
        commandsStarted.incrementAndGet();
        maxConcurrentCommands.accumulateAndGet(runningCommands.incrementAndGet(), Math::max);
        if (parent != null) {
            parent.commandStarted();
        }
    }

    void commandClosed() {
        runningCommands.decrementAndGet();
        if (parent != null) {
            parent.commandClosed();
        }
    }

    void requestReceived() {
        requests.incrementAndGet();
        if (parent != null) {
            parent.requestReceived();
        }
    }

    /** Shells open now. */
    public int openShells() {
        return openShells.get();
    }

    /** The highest number of shells open at the same time. */
    public int maxConcurrentShells() {
        return maxConcurrentShells.get();
    }

    /** Commands created and not yet terminated or deleted. */
    public int openCommands() {
        return runningCommands.get();
    }

    /** The highest number of commands open at the same time. */
    public int maxConcurrentCommands() {
        return maxConcurrentCommands.get();
    }

    /** Commands created in total. */
    public long commandsStarted() {
        return commandsStarted.get();
    }

    /** HTTP requests received in total (including those answered 401 or with a fault). */
    public long requests() {
        return requests.get();
    }
}
