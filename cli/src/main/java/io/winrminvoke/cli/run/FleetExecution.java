package io.winrminvoke.cli.run;

import io.winrminvoke.cli.CliEnvironment;
import io.winrminvoke.cli.VersionProvider;
import io.winrminvoke.cli.console.ConsoleListener;
import io.winrminvoke.cli.console.SummaryTable;
import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.report.ReportContext;
import io.winrminvoke.engine.report.ReportDirectoryWriter;
import io.winrminvoke.engine.report.retention.PruneResult;
import io.winrminvoke.engine.report.retention.ReportPruner;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.run.FleetRun;
import io.winrminvoke.engine.run.FleetRunner;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.Transport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
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
        RunRequest request = invocation.request();
        Masker masker = request.masker();
        for (String warning : invocation.warnings()) {
            err.println("winrm-invoke: warning: " + masker.mask(warning));
        }
        if (request.options().ssh().acceptUnknownHostKey()
                && request.options().anyUses(Transport.SSH, request.targets())) {
            err.println("winrm-invoke: WARNING: --accept-unknown-host-key: SSH hosts not listed in "
                    + request.options().ssh().knownHostsFile() + " are accepted without verification;"
                    + " each one is named with its key's fingerprint as it connects.");
        }
        if (request.options().https() && request.options().tls().insecure()) {
            err.println("winrm-invoke: WARNING: --insecure: HTTPS certificates and host names are NOT verified;"
                    + " anyone on the network path can impersonate these hosts and capture the password.");
        }
        String authWarning = request.options().auth().warning(request.user(), request.options().https());
        if (authWarning != null) {
            err.println("winrm-invoke: WARNING: --allow-unencrypted: " + authWarning + ".");
        }
        err.flush();

        ConsoleListener console = new ConsoleListener(out, masker, invocation.quiet(), environment.terminal());
        ReportDirectoryWriter reports = new ReportDirectoryWriter(
                new ReportContext(invocation.reportDir(), invocation.reportName().value(), VersionProvider.version(),
                        invocation.effectiveOptions(), masker, invocation.csvByteOrderMark(), invocation.reportName()),
                problem -> reportProblem(err, masker, problem));
        CountDownLatch reported = new CountDownLatch(1);
        AtomicReference<FleetRun> started = new AtomicReference<>();
        // Registered before the run starts, so a Ctrl-C at any moment cancels it; it holds the JVM
        // until the reports are written and the Signal/Delete requests under way have gone out.
        Thread cancelOnShutdown = new Thread(() -> {
            FleetRun toStop = started.get();
            if (toStop == null) {
                return;
            }
            toStop.cancel();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SHUTDOWN_WAIT_SECONDS);
            try {
                reported.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
                toStop.awaitStopsSent(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "winrm-invoke-cancel");
        Runtime.getRuntime().addShutdownHook(cancelOnShutdown);
        FleetRun run = FleetRunner.start(request, new ListenerChain(List.of(reports, console)));
        started.set(run);
        try {
            RunResult result = run.await();
            console.finish();
            new SummaryTable(masker).print(result, out);
            out.println("Reports: " + invocation.reportDir().toAbsolutePath().normalize());
            out.flush();
            pruneOldReports(invocation, out, err);
            return result;
        } finally {
            reports.close();
            reported.countDown();
            removeHook(cancelOnShutdown);
        }
    }

    private static void pruneOldReports(RunInvocation invocation, PrintWriter out, PrintWriter err) {
        if (invocation.retention().keepsEverything()) {
            return;
        }
        Path current = invocation.reportDir().toAbsolutePath().normalize();
        try {
            PruneResult pruned = ReportPruner.prune(current.getParent(), invocation.retention(), Instant.now(),
                    Set.of(current));
            if (!pruned.deleted().isEmpty()) {
                out.println("Deleted " + pruned.deleted().size() + " old report director"
                        + (pruned.deleted().size() == 1 ? "y" : "ies") + " under " + current.getParent());
            }
            pruned.problems().forEach(problem -> err.println("winrm-invoke: warning: retention: " + problem));
        } catch (IOException e) {
            err.println("winrm-invoke: warning: retention: cannot list " + current.getParent() + ": " + e);
        }
        out.flush();
        err.flush();
    }

    // A report file that cannot be written does not stop the run; the user hears of it once.
    private static void reportProblem(PrintWriter err, Masker masker, String problem) {
        synchronized (err) {
            err.println("winrm-invoke: warning: report: " + masker.mask(problem));
            err.flush();
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
