package io.winrminvoke.engine.report;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.rollout.Wave;
import io.winrminvoke.engine.rollout.WaveReport;
import io.winrminvoke.engine.run.OutputStream;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.targets.Target;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Writes a run's report directory: events.jsonl and hosts/&lt;name&gt;.log as the run goes, then
 * results.json, results.csv and junit.xml when it finishes (docs/reports.md). Register it as (one
 * of) the run's listeners.
 *
 * <p>A report never breaks a run: an I/O failure is told once per file to the problem reporter
 * (default: standard error) and the run and the other files go on. Thread-safe: the runner calls
 * it from many worker threads; the shared files (events.jsonl) and each transcript's last lines
 * are written by one report thread, so a host's completion never waits on another's I/O. Output
 * lines come masked from the runner and are written as given; every other text written passes
 * through the context's masker, even though the runner masks too.
 */
public final class ReportDirectoryWriter implements RunListener, Closeable {

    public static final String RESULTS_JSON = "results.json";
    public static final String RESULTS_CSV = "results.csv";
    public static final String JUNIT_XML = "junit.xml";
    public static final String EVENTS_JSONL = "events.jsonl";

    private final ReportContext context;
    private final Masker masker;
    private final Clock clock;
    private final ReportProblems problems;
    private final Path hostsDirectory;
    private final EventLogWriter events;
    /** Does events.jsonl and each transcript's end, so hosts' threads never wait on shared files. */
    private final ReportWriterThread writer;
    private final ConcurrentMap<Target, TranscriptWriter> transcripts = new ConcurrentHashMap<>();
    private final Set<Target> finishedHosts = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean runFinished = new AtomicBoolean();

    public ReportDirectoryWriter(ReportContext context) {
        this(context, System.err::println);
    }

    public ReportDirectoryWriter(ReportContext context, Consumer<String> problemReporter) {
        this(context, problemReporter, Clock.systemUTC());
    }

    public ReportDirectoryWriter(ReportContext context, Consumer<String> problemReporter, Clock clock) {
        this.context = context;
        this.masker = context.masker();
        this.clock = clock;
        this.problems = new ReportProblems(problemReporter);
        this.hostsDirectory = context.directory().resolve(TranscriptFileNames.DIRECTORY);
        try {
            // Retention deletes marked directories: mark only one this tool made (new or empty) or
            // marked before, never a user's existing folder given as --report-dir.
            boolean ours = isNewOrEmptyOrMarked(context.directory());
            Files.createDirectories(hostsDirectory);
            if (ours) {
                ReportDirectoryMarker.write(context.directory(), context.toolVersion(), clock.instant());
            }
        } catch (IOException | RuntimeException e) {
            problems.report(context.directory().toString(), e);
        }
        EventLogWriter opened = null;
        try {
            opened = new EventLogWriter(context.file(EVENTS_JSONL));
        } catch (IOException | RuntimeException e) {
            problems.report(EVENTS_JSONL, e);
        }
        this.events = opened;
        this.writer = new ReportWriterThread("winrm-invoke-reports", this::flushEvents);
    }

    private static boolean isNewOrEmptyOrMarked(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return true;
        }
        if (Files.exists(directory.resolve(ReportDirectoryMarker.FILE_NAME))) {
            return true;
        }
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    /** The report I/O problems so far (each also told to the problem reporter once). */
    public List<String> problems() {
        return problems.messages();
    }

    public Path directory() {
        return context.directory();
    }

    @Override
    public void runStarted(int totalHosts) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("totalHosts", totalHosts);
        data.put("runName", context.runName());
        data.put("toolVersion", context.toolVersion());
        data.put("options", OptionValues.toJson(context.effectiveOptions(), masker));
        event("INFO", null, null, "run-started",
                "run " + context.runName() + " started on " + totalHosts + " host(s)", data);
    }

    @Override
    public void attemptStarted(Target target, int attempt) {
        transcript(target, t -> t.marker(clock.instant(), "attempt " + attempt + " started"));
        event("INFO", target, attempt, "attempt-started", "attempt " + attempt + " started", Map.of());
    }

    /** The line comes masked (RunListener's contract): written as given, on the host's own transcript. */
    @Override
    public void outputLine(Target target, int attempt, OutputStream stream, String line) {
        transcript(target, t -> t.line(clock.instant(), stream, line));
    }

    @Override
    public void notice(Target target, int attempt, String message) {
        String masked = masker.mask(message);
        transcript(target, t -> t.marker(clock.instant(), masked));
        event("WARN", target, attempt, "notice", masked, Map.of());
    }

    @Override
    public void attemptEnded(Target target, Attempt attempt, Duration nextDelay) {
        String summary = describe(attempt, nextDelay);
        transcript(target, t -> t.marker(clock.instant(), summary));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("outcome", attempt.outcome() == null ? null : attempt.outcome().name());
        data.put("exitCode", attempt.exitCode());
        data.put("durationMs", ReportText.millis(attempt.started(), attempt.ended()));
        data.put("failure", attempt.failure());
        data.put("error", masker.mask(attempt.error()));
        data.put("retried", attempt.retried());
        data.put("nextDelayMs", nextDelay == null ? null : nextDelay.toMillis());
        String level = attempt.outcome() == HostStatus.SUCCEEDED ? "INFO" : "WARN";
        event(level, target, attempt.number(), "attempt-ended", summary, data);
    }

    @Override
    public void hostFinished(HostResult result, int done, int total) {
        Instant now = clock.instant();
        writer.submit(() -> finishHost(result, now));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", result.status().name());
        data.put("exitCode", result.exitCode());
        data.put("attempts", result.attempts().size());
        data.put("durationMs", ReportText.millis(result.started(), result.ended()));
        data.put("stdoutTruncated", result.stdoutTruncated());
        data.put("stderrTruncated", result.stderrTruncated());
        data.put("transcript", TranscriptFileNames.relativePath(result.target()));
        data.put("done", done);
        data.put("total", total);
        event(levelOf(result.status()), result.target(), null, "host-finished", resultLine(result), data);
    }

    @Override
    public void waveStarted(Wave wave, int waveCount) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("wave", wave.number());
        data.put("waves", waveCount);
        data.put("hosts", wave.hosts());
        event("INFO", null, null, "wave-started", "wave " + wave.number() + "/" + waveCount + ": " + wave.hosts()
                + (wave.hosts() == 1 ? " host" : " hosts") + " starting", data);
    }

    @Override
    public void waveEnded(WaveReport report) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("wave", report.wave());
        data.put("waves", report.waves());
        data.put("hosts", report.hosts());
        data.put("succeeded", report.succeeded());
        data.put("failed", report.failed());
        data.put("notStarted", report.notStarted());
        data.put("failedSoFar", report.failedSoFar());
        data.put("runSoFar", report.runSoFar());
        data.put("budget", report.budget() == null ? null : report.budget().toString());
        data.put("decision", report.decision().name());
        data.put("notAttempted", report.notAttempted());
        event(report.decision() == WaveReport.Decision.STOP ? "ERROR" : report.failed() > 0 ? "WARN" : "INFO",
                null, null, "wave-ended", report.describe(), data);
    }

    @Override
    public void runFinished(RunResult result) {
        if (!runFinished.compareAndSet(false, true)) {
            return;
        }
        writer.drain(); // the hosts' own ends first
        for (HostResult host : result.hosts()) {
            finishHost(host, clock.instant());
        }
        closeTranscripts();
        write(RESULTS_JSON, () -> ResultsJsonWriter.write(context.file(RESULTS_JSON), result, context));
        write(RESULTS_CSV, () -> ResultsCsvWriter.write(context.file(RESULTS_CSV), result, context));
        write(JUNIT_XML, () -> JUnitReportWriter.write(context.file(JUNIT_XML), result, context));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("durationMs", ReportText.millis(result.summary().started(), result.summary().ended()));
        data.put("counts", ReportText.counts(result.summary()));
        data.put("reportProblems", problems.messages().size());
        String level = result.summary().allSucceeded() ? "INFO" : "WARN";
        String line = result.summary().count(HostStatus.SUCCEEDED) + " of " + result.summary().total()
                + " host(s) succeeded";
        if (result.rollout().staged()) {
            data.put("rollout", result.rollout().summary());
            line += "; " + result.rollout().summary();
        }
        event(level, null, null, "run-finished", line, data);
        writer.close();
        closeEvents();
    }

    /** Waits until the report thread has written (and flushed) everything handed to it so far. */
    void awaitQueuedWrites() {
        writer.drain();
    }

    /** Closes every open file; for a run that ends without {@link #runFinished} (a crash). */
    @Override
    public void close() {
        writer.close();
        closeTranscripts();
        closeEvents();
    }

    private void finishHost(HostResult result, Instant when) {
        if (finishedHosts.add(result.target())) {
            transcript(result.target(), t -> {
                t.marker(when, resultLine(result));
                t.close();
            });
        }
    }

    private String resultLine(HostResult result) {
        StringBuilder text = new StringBuilder("result: ").append(result.status().name());
        if (result.exitCode() != null) {
            text.append(", exit code ").append(result.exitCode());
        }
        text.append(", ").append(result.attempts().size()).append(" attempt(s), ")
                .append(ReportText.seconds(ReportText.millis(result.started(), result.ended()))).append(" s");
        if (result.message() != null) {
            text.append(": ").append(masker.mask(result.message()));
        }
        return ReportText.oneLine(text.toString());
    }

    private String describe(Attempt attempt, Duration nextDelay) {
        String text = "attempt " + attempt.number() + " ended: " + ReportText.attempt(attempt, masker);
        return nextDelay == null ? text : text + "; next attempt in " + ReportText.seconds(nextDelay.toMillis()) + " s";
    }

    private static String levelOf(HostStatus status) {
        return switch (status) {
            case SUCCEEDED -> "INFO";
            case CANCELLED, SKIPPED -> "WARN";
            default -> "ERROR";
        };
    }

    @FunctionalInterface
    private interface TranscriptAction {
        void apply(TranscriptWriter transcript) throws IOException;
    }

    @FunctionalInterface
    private interface FileAction {
        void run() throws IOException;
    }

    private void transcript(Target target, TranscriptAction action) {
        try {
            TranscriptWriter transcript = transcripts.computeIfAbsent(target,
                    t -> new TranscriptWriter(hostsDirectory.resolve(TranscriptFileNames.fileName(t)),
                            masker.mask("winrm-invoke transcript of " + t.display() + ", run " + context.runName())));
            action.apply(transcript);
        } catch (IOException | RuntimeException e) {
            problems.report(TranscriptFileNames.DIRECTORY + "/", e);
        }
    }

    private void write(String file, FileAction action) {
        try {
            action.run();
        } catch (IOException | RuntimeException e) {
            String message = problems.report(file, e);
            if (message != null) {
                event("ERROR", null, null, "report-problem", message, Map.of("file", file));
            }
        }
    }

    private void event(String level, Target target, Integer attempt, String name, String message,
                       Map<String, Object> data) {
        if (events == null) {
            return;
        }
        Instant when = clock.instant();
        writer.submit(() -> {
            try {
                events.write(new EventRecord(when.toString(), level,
                        target == null ? null : target.display(), attempt, name, masker.mask(message), data));
            } catch (IOException | RuntimeException e) {
                problems.report(EVENTS_JSONL, e);
            }
        });
    }

    private void flushEvents() {
        onEvents(EventLogWriter::flush);
    }

    private void closeTranscripts() {
        for (TranscriptWriter transcript : transcripts.values()) {
            try {
                transcript.close();
            } catch (IOException e) {
                problems.report(TranscriptFileNames.DIRECTORY + "/", e);
            }
        }
    }

    private void closeEvents() {
        onEvents(EventLogWriter::close);
    }

    @FunctionalInterface
    private interface EventsAction {
        void apply(EventLogWriter events) throws IOException;
    }

    private void onEvents(EventsAction action) {
        if (events != null) {
            try {
                action.apply(events);
            } catch (IOException e) {
                problems.report(EVENTS_JSONL, e);
            }
        }
    }
}
