package io.winrminvoke.engine.report;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one thread that does a run's shared report I/O (events.jsonl, the end of each host's
 * transcript), in the order it was handed over. Hosts' threads only queue their part and go on:
 * a completion never waits behind another host's file writes. Each task guards its own I/O
 * failures; {@code whenIdle} runs each time the queue runs empty (a flush: a killed run still
 * leaves what was written, without a flush per event under load).
 */
final class ReportWriterThread implements AutoCloseable {

    private static final Runnable STOP = () -> { };

    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Runnable whenIdle;
    private final Thread thread;
    private boolean closed; // guarded by this

    ReportWriterThread(String name, Runnable whenIdle) {
        this.whenIdle = whenIdle;
        this.thread = new Thread(this::work, name);
        thread.setDaemon(true); // a run that ends without close() does not keep the JVM alive
        thread.start();
    }

    /** Queues {@code task}; after {@link #close()} (or on this thread) runs it at once on the caller's thread. */
    void submit(Runnable task) {
        if (Thread.currentThread() != thread) {
            synchronized (this) {
                if (!closed) {
                    tasks.add(task);
                    return;
                }
            }
        }
        task.run();
    }

    /** Waits until every task queued before this call has run, and {@code whenIdle} after them. */
    void drain() {
        CountDownLatch done = new CountDownLatch(1);
        submit(() -> {
            whenIdle.run();
            done.countDown();
        });
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the reports are what a cancelled run leaves: finish them
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs what is queued, then stops the thread; later tasks run on their caller's thread. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true; // no task is queued after the stop
            tasks.add(STOP);
        }
        boolean interrupted = false;
        while (thread.isAlive() && Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // Never interrupted: an interrupt would close the report files' channels mid-write.
    private void work() {
        while (true) {
            Runnable task = tasks.poll();
            if (task == null) {
                whenIdle.run();
                task = takeUninterruptibly();
            }
            if (task == STOP) {
                whenIdle.run();
                return;
            }
            run(task);
        }
    }

    private Runnable takeUninterruptibly() {
        while (true) {
            try {
                return tasks.take();
            } catch (InterruptedException e) {
                // nobody but a JVM shutdown interrupts this daemon; the queue still ends with STOP
            }
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // each task reports its own I/O problems; anything else must not end the writer
            System.getLogger(ReportWriterThread.class.getName()).log(System.Logger.Level.WARNING,
                    "report task failed: " + e);
        }
    }
}
