package io.winrminvoke.simulator;

import java.time.Duration;

/**
 * Scales every simulator-side duration (OperationTimeout, scripted sleeps, latency) so that tests
 * of minute-long behaviour run in milliseconds. Scale 1 is real time.
 */
public final class SimulatorClock {
    private final double scale;

    public SimulatorClock(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("clockScale: " + scale + " is not allowed; must be a finite number > 0");
        }
        this.scale = scale;
    }

    public double scale() {
        return scale;
    }

    /** The real duration that stands for the simulated {@code d}. */
    public Duration scaled(Duration d) {
        return Duration.ofNanos(Math.round(d.toNanos() * scale));
    }

    /** Sleeps for the scaled duration; an interrupt ends the sleep early and is kept. */
    public void sleep(Duration simulated) {
        long nanos = scaled(simulated).toNanos();
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
