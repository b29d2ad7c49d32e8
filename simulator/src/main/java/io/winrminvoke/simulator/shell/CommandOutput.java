package io.winrminvoke.simulator.shell;

import io.winrminvoke.simulator.scenario.Step;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stdout/stderr of one command between the process that writes it and the Receives that
 * carry it to the client. Writers block above a high-water mark (so a huge output does not sit in
 * memory, and a real process feels back-pressure through its pipe); Receives wait on a condition,
 * never by polling.
 */
public final class CommandOutput {
    /** Bytes buffered per stream before writers wait for Receives to drain them. */
    static final int HIGH_WATER = 1024 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Buffer stdout = new Buffer();
    private final Buffer stderr = new Buffer();
    private Long exitCode;
    private boolean abandoned;

    /** What one Receive carries. {@code exitCode} is non-null once the command is Done. */
    public record Chunk(byte[] stdout, byte[] stderr, boolean stdoutEnd, boolean stderrEnd, Long exitCode) {
        public boolean done() {
            return exitCode != null;
        }
    }

    private static final class Buffer {
        final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
        int headOffset;
        long pending;
        boolean closed;
        boolean endReported;

        boolean hasNews() {
            return pending > 0 || (closed && !endReported);
        }

        byte[] take(int max) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(max, pending));
            while (max > 0 && !chunks.isEmpty()) {
                byte[] head = chunks.peekFirst();
                int n = Math.min(max, head.length - headOffset);
                out.write(head, headOffset, n);
                headOffset += n;
                max -= n;
                pending -= n;
                if (headOffset == head.length) {
                    chunks.removeFirst();
                    headOffset = 0;
                }
            }
            return out.toByteArray();
        }
    }

    private Buffer buffer(Step.Stream stream) {
        return stream == Step.Stream.STDOUT ? stdout : stderr;
    }

    /** Appends bytes to a stream; blocks while the stream holds more than the high-water mark. */
    public void write(Step.Stream stream, byte[] bytes, int offset, int length) throws InterruptedException {
        if (length == 0) {
            return;
        }
        byte[] copy = new byte[length];
        System.arraycopy(bytes, offset, copy, 0, length);
        lock.lock();
        try {
            Buffer b = buffer(stream);
            while (b.pending > HIGH_WATER && !abandoned) {
                changed.await();
            }
            if (abandoned || b.closed) {
                return;
            }
            b.chunks.addLast(copy);
            b.pending += length;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void write(Step.Stream stream, byte[] bytes) throws InterruptedException {
        write(stream, bytes, 0, bytes.length);
    }

    /** The stream has ended; the next Receive reports {@code End="true"} for it once drained. */
    public void close(Step.Stream stream) {
        lock.lock();
        try {
            buffer(stream).closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The command has exited: both streams end, and Done follows once their data is delivered. */
    public void exit(long code) {
        lock.lock();
        try {
            if (exitCode == null) {
                exitCode = code;
            }
            stdout.closed = true;
            stderr.closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Nobody will read any more (the command was terminated or its shell deleted): release writers. */
    public void abandon() {
        lock.lock();
        try {
            abandoned = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean exited() {
        lock.lock();
        try {
            return exitCode != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until there is output, an end of stream or the exit to report, then takes at most
     * {@code maxBytes} bytes of output (stdout first). Returns null when {@code timeoutNanos} pass
     * with nothing to report (the caller answers w:TimedOut).
     */
    public Chunk receive(int maxBytes, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = timeoutNanos;
            while (!stdout.hasNews() && !stderr.hasNews() && !doneReady() && !abandoned) {
                if (remaining <= 0) {
                    return null;
                }
                remaining = changed.awaitNanos(remaining);
            }
            byte[] out = stdout.take(maxBytes);
            byte[] err = stderr.take(maxBytes - out.length);
            boolean outEnd = stdout.closed && stdout.pending == 0 && !stdout.endReported;
            boolean errEnd = stderr.closed && stderr.pending == 0 && !stderr.endReported;
            stdout.endReported |= outEnd;
            stderr.endReported |= errEnd;
            Long done = doneReady() ? exitCode : null;
            changed.signalAll(); // writers waiting on the high-water mark
            return new Chunk(out, err, outEnd, errEnd, done);
        } finally {
            lock.unlock();
        }
    }

    private boolean doneReady() {
        return exitCode != null && stdout.endReported && stderr.endReported
                && stdout.pending == 0 && stderr.pending == 0;
    }

    /** Waits (bounded) for the exit, for tests and shutdown. */
    public boolean awaitExit(long timeout, TimeUnit unit) throws InterruptedException {
        lock.lock();
        try {
            long remaining = unit.toNanos(timeout);
            while (exitCode == null) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
