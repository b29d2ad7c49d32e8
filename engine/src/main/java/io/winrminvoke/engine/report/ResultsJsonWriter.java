package io.winrminvoke.engine.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.result.RunSummary;
import io.winrminvoke.engine.rollout.RolloutReport;
import io.winrminvoke.engine.rollout.Wave;
import io.winrminvoke.engine.rollout.WaveReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes results.json (see {@link ResultsDocument}) field by field with Jackson's streaming
 * generator, indented as an ObjectMapper's INDENT_OUTPUT indents, the records' components in
 * their order, nulls written. Not through an ObjectMapper: building one and the document's
 * serializers cost a fresh JVM 0.25 s of CPU and loaded 370 classes (a tenth of a run's).
 */
final class ResultsJsonWriter {

    static final String TOOL_NAME = "winrm-invoke";

    private ResultsJsonWriter() {
    }

    static void write(Path file, RunResult result, ReportContext context) throws IOException {
        ResultsDocument document = document(result, context);
        AtomicFiles.write(file, out -> write(out, document));
    }

    /** {@code document} as results.json's bytes (UTF-8); leaves {@code out} open. */
    static void write(OutputStream out, ResultsDocument document) throws IOException {
        try (JsonGenerator json = PlainJsonWriter.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            json.writeStartObject();
            json.writeNumberField("schemaVersion", document.schemaVersion());
            json.writeFieldName("tool");
            tool(json, document.tool());
            json.writeFieldName("run");
            run(json, document.run());
            json.writeArrayFieldStart("hosts");
            for (ResultsHost host : document.hosts()) {
                host(json, host);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void tool(JsonGenerator json, ResultsTool tool) throws IOException {
        if (tool == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("name", tool.name());
        json.writeStringField("version", tool.version());
        json.writeEndObject();
    }

    private static void run(JsonGenerator json, ResultsRun run) throws IOException {
        if (run == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("name", run.name());
        json.writeStringField("started", run.started());
        json.writeStringField("ended", run.ended());
        json.writeNumberField("durationMs", run.durationMs());
        json.writeFieldName("counts");
        PlainJsonWriter.write(json, run.counts());
        json.writeFieldName("options");
        PlainJsonWriter.write(json, run.options());
        json.writeFieldName("rollout");
        rollout(json, run.rollout());
        json.writeEndObject();
    }

    private static void rollout(JsonGenerator json, ResultsRollout rollout) throws IOException {
        if (rollout == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("waves", rollout.waves());
        json.writeStringField("maxFailures", rollout.maxFailures());
        json.writeFieldName("plan");
        PlainJsonWriter.write(json, rollout.plan());
        json.writeBooleanField("stopped", rollout.stopped());
        json.writeStringField("stopReason", rollout.stopReason());
        json.writeNumberField("notAttempted", rollout.notAttempted());
        json.writeStringField("interrupted", rollout.interrupted());
        json.writeStringField("summary", rollout.summary());
        json.writeArrayFieldStart("waveReports");
        for (ResultsWave wave : rollout.waveReports()) {
            json.writeStartObject();
            json.writeNumberField("wave", wave.wave());
            json.writeNumberField("hosts", wave.hosts());
            json.writeNumberField("succeeded", wave.succeeded());
            json.writeNumberField("failed", wave.failed());
            json.writeNumberField("notStarted", wave.notStarted());
            json.writeNumberField("failedSoFar", wave.failedSoFar());
            json.writeNumberField("runSoFar", wave.runSoFar());
            json.writeStringField("decision", wave.decision());
            json.writeStringField("line", wave.line());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void host(JsonGenerator json, ResultsHost host) throws IOException {
        json.writeStartObject();
        json.writeStringField("target", host.target());
        json.writeStringField("host", host.host());
        integerField(json, "port", host.port());
        json.writeStringField("status", host.status());
        integerField(json, "exitCode", host.exitCode());
        json.writeStringField("message", host.message());
        json.writeStringField("started", host.started());
        json.writeStringField("ended", host.ended());
        json.writeNumberField("durationMs", host.durationMs());
        json.writeArrayFieldStart("attempts");
        for (ResultsAttempt attempt : host.attempts()) {
            json.writeStartObject();
            json.writeNumberField("number", attempt.number());
            json.writeStringField("started", attempt.started());
            json.writeStringField("ended", attempt.ended());
            json.writeNumberField("durationMs", attempt.durationMs());
            json.writeStringField("outcome", attempt.outcome());
            integerField(json, "exitCode", attempt.exitCode());
            json.writeStringField("error", attempt.error());
            json.writeStringField("failure", attempt.failure());
            json.writeBooleanField("retried", attempt.retried());
            json.writeEndObject();
        }
        json.writeEndArray();
        output(json, "stdout", host.stdout());
        output(json, "stderr", host.stderr());
        json.writeStringField("transcript", host.transcript());
        integerField(json, "wave", host.wave());
        json.writeEndObject();
    }

    private static void output(JsonGenerator json, String name, ResultsOutput output) throws IOException {
        json.writeFieldName(name);
        if (output == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("text", output.text());
        json.writeBooleanField("truncated", output.truncated());
        json.writeEndObject();
    }

    private static void integerField(JsonGenerator json, String name, Integer value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
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
