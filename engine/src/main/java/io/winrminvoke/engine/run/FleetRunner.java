package io.winrminvoke.engine.run;

import io.winrminvoke.engine.result.RunResult;

/**
 * Runs one command on many hosts. Inputs are validated by {@link RunRequest} (and the option
 * and target parsers) before this is called, so a bad input never contacts a host.
 */
public final class FleetRunner {

    private FleetRunner() {
    }

    /** Starts the run over the standard WinRM client and returns at once. */
    public static FleetRun start(RunRequest request, RunListener listener) {
        return start(request, listener, StandardClients.forRun());
    }

    /** Starts the run, opening clients with {@code clients}. */
    public static FleetRun start(RunRequest request, RunListener listener, WinRsClientFactory clients) {
        FleetRun run = new FleetRun(request, listener, clients);
        run.begin();
        return run;
    }

    /** Runs to the end; interrupting the calling thread cancels the run (see {@link FleetRun#await()}). */
    public static RunResult run(RunRequest request, RunListener listener) {
        return start(request, listener).await();
    }

    public static RunResult run(RunRequest request, RunListener listener, WinRsClientFactory clients) {
        return start(request, listener, clients).await();
    }
}
