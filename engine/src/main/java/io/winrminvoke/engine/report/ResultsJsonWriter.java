package io.winrminvoke.engine.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.result.RunSummary;
import io.winrminvoke.engine.rollout.RolloutReport;
import io.winrminvoke.engine.rollout.Wave;
import io.winrminvoke.engine.rollout.WaveReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes results.json (see {@link ResultsDocument}). */
final class ResultsJsonWriter {

    static final String TOOL_NAME = "winrm-invoke";

    /** Typed writer: its serializers for the whole document are built when the class initialises. */
    private static final ObjectWriter WRITER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writerFor(ResultsDocument.class);

    private ResultsJsonWriter() {
    }

    /**
     * Initialises the writer ahead of use. Building an ObjectMapper and the document's serializers
     * costs a fresh JVM a few hundred milliseconds; {@link ReportDirectoryWriter} has it done while
     * the run waits on its hosts, so results.json is not held up by it once the last host ends.
     */
    static void prepare() {
        WRITER.getConfig();
    }

    static void write(Path file, RunResult result, ReportContext context) throws IOException {
        ResultsDocument document = document(result, context);
        AtomicFiles.write(file, out -> WRITER.writeValue(out, document));
    }

    static ResultsDocument document(RunResult result, ReportContext context) {
        Masker masker = context.masker();
        RunSummary summary = result.summary();
        ResultsRun run = new ResultsRun(context.runName(), ReportText.instant(summary.started()),
                ReportText.instant(summary.ended()), ReportText.millis(summary.started(), summary.ended()),
                ReportText.counts(summary),
                OptionValues.toJson(context.effectiveOptions(), masker), rollout(result.rollout()));
        List<ResultsHost> hosts = new ArrayList<>(result.hosts().size());
        for (int i = 0; i < result.hosts().size(); i++) {
            hosts.add(host(result.hosts().get(i), result.rollout().waveOf(i), masker));
        }
        return new ResultsDocument(ResultsDocument.SCHEMA_VERSION, new ResultsTool(TOOL_NAME, context.toolVersion()),
                run, hosts);
    }

    private static ResultsRollout rollout(RolloutReport rollout) {
        if (!rollout.staged()) {
            return null;
        }
        List<Integer> plan = new ArrayList<>(rollout.plan().size());
        for (Wave wave : rollout.plan().waves()) {
            plan.add(wave.hosts());
        }
        List<ResultsWave> waves = new ArrayList<>(rollout.waves().size());
        for (WaveReport w : rollout.waves()) {
            waves.add(new ResultsWave(w.wave(), w.hosts(), w.succeeded(), w.failed(), w.notStarted(), w.failedSoFar(),
                    w.runSoFar(), w.decision().name(), w.describe()));
        }
        String budget = rollout.policy().maxFailures() == null ? null : rollout.policy().maxFailures().toString();
        return new ResultsRollout(rollout.policy().wavesText(), budget, plan, rollout.stopped(), rollout.stopReason(),
                rollout.notAttempted(), rollout.interrupted(), rollout.summary(), waves);
    }

    private static ResultsHost host(HostResult host, int wave, Masker masker) {
        List<ResultsAttempt> attempts = new ArrayList<>(host.attempts().size());
        for (Attempt a : host.attempts()) {
            attempts.add(new ResultsAttempt(a.number(), ReportText.instant(a.started()), ReportText.instant(a.ended()),
                    ReportText.millis(a.started(), a.ended()), a.outcome() == null ? null : a.outcome().name(),
                    a.exitCode(), masker.mask(a.error()), a.failure(), a.retried()));
        }
        return new ResultsHost(host.target().display(), host.target().host(),
                host.target().hasPort() ? host.target().port() : null,
                host.status().name(), host.exitCode(), masker.mask(host.message()),
                ReportText.instant(host.started()), ReportText.instant(host.ended()),
                ReportText.millis(host.started(), host.ended()), attempts,
                new ResultsOutput(masker.mask(host.stdout()), host.stdoutTruncated()),
                new ResultsOutput(masker.mask(host.stderr()), host.stderrTruncated()),
                TranscriptFileNames.relativePath(host.target()), wave);
    }
}
