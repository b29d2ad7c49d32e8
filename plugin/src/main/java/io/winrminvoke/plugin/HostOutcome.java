package io.winrminvoke.plugin;

import io.winrminvoke.engine.report.TranscriptFileNames;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.invocation.DurationText;
import io.winrminvoke.invocation.ReturnedOutput;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One host's result as it comes back from the agent and as the build keeps it: plain values,
 * already masked by the engine. A class rather than a record because the build page summary
 * persists it with XStream, which cannot restore records.
 */
public final class HostOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final String status;
    private final Integer exitCode;
    private final String stdout;
    private final String stderr;
    private final int attempts;
    private final long durationMillis;
    private final String message;
    /** The host's log file relative to the report directory, {@code /}-separated, or null if the run kept none. */
    private final String transcript;

    HostOutcome(String host, String status, Integer exitCode, String stdout, String stderr, int attempts,
                long durationMillis, String message, String transcript) {
        this.host = host;
        this.status = status;
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.attempts = attempts;
        this.durationMillis = durationMillis;
        this.message = message;
        this.transcript = transcript;
    }

    static HostOutcome of(HostResult r, Path reportDir) {
        // the report writer names each host's transcript by the engine's one rule; link it only if it was written
        String transcript = TranscriptFileNames.relativePath(r.target());
        if (!Files.isRegularFile(reportDir.resolve(transcript))) {
            transcript = null;
        }
        return new HostOutcome(r.target().display(), r.status().name(), r.exitCode(), r.stdout(), r.stderr(),
                r.attempts().size(), r.duration().toMillis(), r.message(), transcript);
    }

    /** The same outcome without stdout/stderr: what the build page keeps, so build.xml stays small with many hosts. */
    HostOutcome withoutOutput() {
        return new HostOutcome(host, status, exitCode, null, null, attempts, durationMillis, message, transcript);
    }

    public String getHost() {
        return host;
    }

    public String getStatus() {
        return status;
    }

    public Integer getExitCode() {
        return exitCode;
    }

    public int getAttempts() {
        return attempts;
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    /** The duration as the build page shows it ({@code 850 ms}, {@code 3 min 05 s}). */
    public String getDuration() {
        return DurationText.humanise(durationMillis);
    }

    public String getMessage() {
        return message;
    }

    String getTranscript() {
        return transcript;
    }

    /**
     * The Pipeline return value for this host: only String, Integer, Long and null values in a
     * LinkedHashMap, which are serializable and need no script approval in the sandbox. The output
     * is bounded by {@code returnOutput}/{@code outputLimit}: the list stays in program.dat while
     * the script holds it.
     */
    Map<String, Object> toMap(ReturnedOutput output) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", host);
        m.put("status", status);
        m.put("exitCode", exitCode);
        m.put("stdout", output.apply(stdout));
        m.put("stderr", output.apply(stderr));
        m.put("attempts", attempts);
        m.put("durationMillis", durationMillis);
        m.put("message", message);
        return m;
    }
}
