package io.winrminvoke.bench;

/**
 * What every simulated host of one simulator does with any command: scripted steps (no /bin/sh, so
 * the simulator's own cost stays small and equal for both clients) and a latency per request.
 *
 * @param name        a short label for logs and file names
 * @param stepsJson   the scenario's {@code steps} array, as JSON
 * @param latency     the simulator's {@code --latency} (e.g. {@code 5ms}), or null for none
 * @param sleepSeconds how long each command stays silent (for the ideal wall time)
 * @param outputBytes how many bytes of stdout each command writes
 */
record FleetBehaviour(String name, String stepsJson, String latency, double sleepSeconds, long outputBytes) {

    /** A command that stays silent for {@code seconds}, then exits 0. */
    static FleetBehaviour sleep(int seconds, String latency) {
        return new FleetBehaviour("sleep" + seconds + "s", "[{\"sleep\": \"PT" + seconds + "S\"}]", latency, seconds, 0);
    }

    /** A command that exits 0 at once, with no output. */
    static FleetBehaviour instant() {
        return new FleetBehaviour("instant", "[]", null, 0, 0);
    }

    /** A command that writes {@code bytes} of stdout in 64-character lines, then exits 0. */
    static FleetBehaviour output(long bytes) {
        String line = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\\r\\n"; // 64 bytes
        return new FleetBehaviour("output" + bytes, "[{\"stdoutRepeat\": \"" + line + "\", \"bytes\": " + bytes + "}]",
                null, 0, bytes);
    }

    String scenarioJson() {
        return "{\"defaults\": {\"exitCode\": 0, \"steps\": " + stepsJson + "}}";
    }
}
