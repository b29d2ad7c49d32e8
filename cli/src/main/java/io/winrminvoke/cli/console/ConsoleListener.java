package io.winrminvoke.cli.console;

import io.winrminvoke.cli.WinrmInvokeCli;
import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.rollout.Wave;
import io.winrminvoke.engine.rollout.WaveReport;
import io.winrminvoke.engine.run.OutputStream;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.targets.Target;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The live console: {@code [host] line} for every line of output as it arrives, a line when an
 * attempt is retried or a host finishes, a line when a wave of a rollout starts and when it ends
 * (with the budget and what follows), and (on a terminal only) a progress line kept at the
 * bottom and rewritten in place. Synchronized: hosts report from many threads and their lines
 * must not interleave mid-line.
 */
public final class ConsoleListener implements RunListener {

    private final PrintWriter out;
    private final Masker masker;
    private final boolean live;
    private final boolean progress;
    private final Map<HostStatus, Integer> counts = new EnumMap<>(HostStatus.class);
    private int total;
    private int done;
    /** "wave 2/4, " while a wave of a rollout runs, else empty. */
    private String wavePrefix = "";
    /** Set once a wave stopped the rollout: the hosts left are not attempted, which its line already said. */
    private boolean rolloutStopped;
    /** Length of the progress line currently on screen, 0 if none. */
    private int progressShown;

    /**
     * @param quiet    print nothing while the run goes on
     * @param terminal stdout is an interactive terminal (a progress line makes sense)
     */
    public ConsoleListener(PrintWriter out, Masker masker, boolean quiet, boolean terminal) {
        this.out = out;
        this.masker = masker;
        this.live = !quiet;
        this.progress = !quiet && terminal;
    }

    @Override
    public synchronized void runStarted(int totalHosts) {
        total = totalHosts;
        drawProgress();
    }

    /** The line comes masked (RunListener's contract); with --quiet no lock is taken. */
    @Override
    public void outputLine(Target target, int attempt, OutputStream stream, String line) {
        if (live) {
            String text = prefix(target) + (stream == OutputStream.STDERR ? "[stderr] " : "") + line;
            synchronized (this) {
                printLine(text);
            }
        }
    }

    /** Printed even with --quiet: it is about trust in the host, not progress. */
    @Override
    public synchronized void notice(Target target, int attempt, String message) {
        printLine(prefix(target) + "warning: " + masker.mask(message));
    }

    @Override
    public void attemptEnded(Target target, Attempt attempt, Duration nextDelay) {
        if (live && nextDelay != null) {
            attemptRetried(target, attempt, nextDelay);
        }
    }

    private synchronized void attemptRetried(Target target, Attempt attempt, Duration nextDelay) {
        // the failure kind is short enough for a live line; the full error is in the reports
        String why = attempt.failure() != null ? attempt.failure().toLowerCase(Locale.ROOT).replace('_', ' ')
                : attempt.error() != null ? attempt.error() : StatusCounts.label(attempt.outcome());
        printLine(prefix(target) + "attempt " + attempt.number() + " failed (" + masker.mask(why)
                + "); retrying in " + HumanDuration.format(nextDelay));
    }

    @Override
    public synchronized void hostFinished(HostResult result, int doneSoFar, int totalHosts) {
        counts.merge(result.status(), 1, Integer::sum);
        done = doneSoFar;
        total = totalHosts;
        if (live && !(rolloutStopped && result.status() == HostStatus.SKIPPED)) {
            StringBuilder line = new StringBuilder(prefix(result.target())).append(result.status().name());
            if (result.exitCode() != null) {
                line.append(" exit ").append(result.exitCode());
            }
            line.append(" in ").append(HumanDuration.format(result.duration()));
            if (result.status() != HostStatus.SUCCEEDED && result.message() != null && !result.message().isBlank()) {
                line.append(": ").append(WinrmInvokeCli.oneLine(masker.mask(result.message())));
            }
            printLine(line.toString());
        }
    }

    @Override
    public synchronized void waveStarted(Wave wave, int waveCount) {
        wavePrefix = "wave " + wave.number() + "/" + waveCount + ", ";
        if (live) {
            printLine(wave.startingLine(waveCount));
        }
    }

    @Override
    public synchronized void waveEnded(WaveReport report) {
        rolloutStopped = report.decision() == WaveReport.Decision.STOP;
        if (live) {
            printLine(report.describe());
        }
    }

    /** Removes the progress line before the summary is printed. */
    public synchronized void finish() {
        clearProgress();
        out.flush();
    }

    private static String prefix(Target target) {
        return "[" + target.display() + "] ";
    }

    private void printLine(String line) {
        clearProgress();
        out.println(line);
        drawProgress();
        out.flush();
    }

    private void drawProgress() {
        if (!progress || total == 0) {
            return;
        }
        String line = "-- " + wavePrefix + done + "/" + total + " done" + (done > 0 ? ": " + StatusCounts.describe(counts) : "");
        out.print(line);
        out.flush();
        progressShown = line.length();
    }

    // Carriage return and blanks rather than ANSI erase codes: works on every console, Windows' too.
    private void clearProgress() {
        if (progressShown > 0) {
            out.print("\r" + " ".repeat(progressShown) + "\r");
            progressShown = 0;
        }
    }
}
