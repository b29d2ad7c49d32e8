package io.winrminvoke.engine.winrm.transport;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** At most {@code max} connection slots to one host; an exchange holds one while it runs. */
final class ConnectionSlots {

    private final int max;
    private final Supplier<ConnectionSlot> newSlot;
    private final Deque<ConnectionSlot> idle = new ArrayDeque<>();
    private final List<ConnectionSlot> all = new ArrayList<>();
    private boolean closed;

    ConnectionSlots(int max, Supplier<ConnectionSlot> newSlot) {
        this.max = max;
        this.newSlot = newSlot;
    }

    /**
     * The most recently used free slot (its connection is the likeliest to be still open), a new
     * one while fewer than {@code max} exist, else waits for one.
     *
     * @return null when none became free within {@code wait}, or {@code cancelled} turned true
     */
    synchronized ConnectionSlot acquire(Duration wait, BooleanSupplier cancelled) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (!closed && !cancelled.getAsBoolean()) {
            if (!idle.isEmpty()) {
                return idle.pop();
            }
            if (all.size() < max) {
                ConnectionSlot slot = newSlot.get();
                all.add(slot);
                return slot;
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return null;
    }

    synchronized void release(ConnectionSlot slot) {
        if (closed) {
            slot.abort();
        } else {
            idle.push(slot);
        }
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Wakes waiters so they can see a cancellation. */
    synchronized void wakeUp() {
        notifyAll();
    }

    void close() {
        List<ConnectionSlot> toClose;
        synchronized (this) {
            closed = true;
            toClose = List.copyOf(all);
            notifyAll();
        }
        toClose.forEach(ConnectionSlot::abort);
    }
}
