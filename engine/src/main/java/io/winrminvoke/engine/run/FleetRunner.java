package io.winrminvoke.engine.run;

import io.winrminvoke.engine.result.RunResult;

/**
 * Runs one command on many hosts. Inputs are validated by {@link RunRequest} (and the option
 * and target parsers) before this is called, so a bad input never contacts a host.
 */
public final class FleetRunner {

    private FleetRunner() {
    }

    /** Starts the run over the standard WinRM and SSH clients and returns at once. */
    public static FleetRun start(RunRequest request, RunListener listener) {
        return start(request, listener, StandardClients.forRun());
    }

    /** Starts the run, opening WinRM clients with {@code clients} (SSH hosts use the standard SSH client). */
    public static FleetRun start(RunRequest request, RunListener listener, WinRsClientFactory clients) {
        return start(request, listener, clients, StandardClients.SSH);
    }

    /** Starts the run, opening WinRM clients with {@code clients} and SSH clients with {@code sshClients}. */
    public static FleetRun start(RunRequest request, RunListener listener, WinRsClientFactory clients,
                                 SshClientFactory sshClients) {
        FleetRun run = new FleetRun(request, listener, clients, sshClients);
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
