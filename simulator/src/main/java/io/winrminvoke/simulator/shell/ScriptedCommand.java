package io.winrminvoke.simulator.shell;

import io.winrminvoke.simulator.SimulatorClock;
import io.winrminvoke.simulator.scenario.Step;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** A command that follows a scenario's steps instead of running anything. */
public final class ScriptedCommand extends SimulatedCommand {
    private static final int REPEAT_CHUNK = 64 * 1024;

    private final List<Step> steps;
    private final long exitCode;
    private final SimulatorClock clock;
    private final ExecutorService runner;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean killed;

    public ScriptedCommand(String id, List<Step> steps, long exitCode, SimulatorClock clock, ExecutorService runner) {
        super(id);
        this.steps = steps;
        this.exitCode = exitCode;
        this.clock = clock;
        this.runner = runner;
    }

    @Override
    public void start() {
        runner.execute(this::run);
    }

    private void run() {
        try {
            for (Step step : steps) {
                if (stopped.getCount() == 0) {
                    return;
                }
                if (step instanceof Step.Output o) {
                    output.write(o.stream(), o.bytes());
                } else if (step instanceof Step.RepeatedOutput r) {
                    writeRepeated(r);
                } else if (step instanceof Step.Sleep s) {
                    stopped.await(clock.scaled(s.duration()).toNanos(), TimeUnit.NANOSECONDS);
                } else if (step instanceof Step.Hang) {
                    stopped.await();
                } else if (step instanceof Step.Exit e) {
                    output.exit(e.exitCode());
                    return;
                }
            }
            if (stopped.getCount() > 0) {
                output.exit(exitCode);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeRepeated(Step.RepeatedOutput r) throws InterruptedException {
        byte[] pattern = r.pattern();
        // one pattern length of slack, so every chunk can start where the previous one left off
        byte[] chunk = new byte[(int) Math.min(r.bytes(), REPEAT_CHUNK) + pattern.length];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = pattern[i % pattern.length];
        }
        long written = 0;
        while (written < r.bytes() && !killed) {
            int offset = (int) (written % pattern.length);
            int n = (int) Math.min(chunk.length - pattern.length, r.bytes() - written);
            output.write(r.stream(), chunk, offset, n);
            written += n;
        }
    }

    @Override
    public void stdin(byte[] bytes, boolean end) {
        // scripted commands do not read stdin; the request log keeps what was sent
    }

    @Override
    public void interrupt() {
        if (stopped.getCount() > 0) {
            stopped.countDown();
            output.exit(CONTROL_C_EXIT);
        }
    }

    @Override
    public void kill() {
        killed = true;
        stopped.countDown();
        output.abandon();
    }
}
