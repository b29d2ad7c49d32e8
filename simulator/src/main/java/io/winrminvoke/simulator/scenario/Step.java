package io.winrminvoke.simulator.scenario;

import java.time.Duration;

/** One step of a scripted command (a scenario's {@code steps}), which replaces /bin/sh for that host. */
public sealed interface Step {

    /** The output streams a step can write to. */
    enum Stream { STDOUT, STDERR }

    /** Write these bytes to one stream at once. */
    record Output(Stream stream, byte[] bytes) implements Step {
    }

    /** Write {@code pattern} repeated until {@code bytes} bytes have been written (huge output). */
    record RepeatedOutput(Stream stream, byte[] pattern, long bytes) implements Step {
    }

    /** Stay silent for this long (scaled by the clock). */
    record Sleep(Duration duration) implements Step {
    }

    /** Stay silent until the command is signalled or its shell deleted. */
    record Hang() implements Step {
    }

    /** End the command now with this exit code (the host's {@code exitCode} otherwise). */
    record Exit(long exitCode) implements Step {
    }
}
