package io.winrminvoke.cli.run;

import io.winrminvoke.cli.CliEnvironment;
import io.winrminvoke.cli.console.ConsoleListener;
import io.winrminvoke.cli.console.SummaryTable;
import io.winrminvoke.engine.FleetRun;
import io.winrminvoke.engine.FleetRunner;
import io.winrminvoke.engine.RunRequest;
import io.winrminvoke.engine.mask.SecretMasker;
import io.winrminvoke.engine.report.ReportDirectoryWriter;
import io.winrminvoke.engine.result.RunResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a validated invocation: live console and report directory as listeners, Ctrl-C cancels
 * the run (remote commands are terminated, reports still written), then the summary table.
 * {@code run} and {@code demo} both come through here.
 */
public final class FleetExecution {

    /** How long Ctrl-C waits for the cancelled run to terminate remote commands and write its reports. */
    private static final long SHUTDOWN_WAIT_SECONDS = 15;

    private final CliEnvironment environment;

    public FleetExecution(CliEnvironment environment) {
        this.environment = environment;
    }

    public RunResult execute(RunInvocation invocation) {
        PrintWriter out = environment.out();
        PrintWriter err = environment.err();
        SecretMasker masker = SecretMasker.of(invocation.password());
        for (String warning : invocation.warnings()) {
            err.println("winrm-invoke: warning: " + masker.mask(warning));
        }
        if (invocation.options().tls().insecure()) {
            err.println("winrm-invoke: WARNING: --insecure: HTTPS certificates and host names are NOT verified;"
                    + " anyone on the network path can impersonate these hosts and capture the password.");
        }
        err.flush();

        RunRequest request = new RunRequest(invocation.targets(), invocation.user(), invocation.password(),
                invocation.command(), invocation.options(), masker);
        ConsoleListener console = new ConsoleListener(out, masker, invocation.quiet(), environment.terminal());
        ReportDirectoryWriter reports = new ReportDirectoryWriter(invocation.reportDir(), request);
        FleetRun run = FleetRunner.start(request, new ListenerChain(List.of(reports, console)));

        CountDownLatch reported = new CountDownLatch(1);
        Thread cancelOnShutdown = new Thread(() -> {
            run.cancel();
            try {
                reported.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "winrm-invoke-cancel");
        Runtime.getRuntime().addShutdownHook(cancelOnShutdown);
        try {
            RunResult result = run.await();
            console.finish();
            new SummaryTable(masker).print(result, out);
            out.println("Reports: " + invocation.reportDir().toAbsolutePath().normalize());
            out.flush();
            return result;
        } finally {
            reported.countDown();
            removeHook(cancelOnShutdown);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Ctrl-C arrived: the hook is running and lets the JVM exit once we return.
        }
    }
}
