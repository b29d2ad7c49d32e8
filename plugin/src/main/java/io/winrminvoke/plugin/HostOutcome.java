package io.winrminvoke.plugin;

import io.winrminvoke.engine.result.HostResult;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One host's result as it comes back from the agent: plain serializable values, already masked
 * by the engine. {@code transcript} is the host's log file relative to the report directory, or
 * null if the run kept none.
 */
record HostOutcome(String host, String status, Integer exitCode, String stdout, String stderr, int attempts,
                   long durationMillis, String message, String transcript) implements Serializable {

    private static final long serialVersionUID = 1L;

    static HostOutcome of(HostResult r, Path reportDir) {
        String transcript = null;
        if (r.fullOutput() != null) {
            Path full = r.fullOutput().toAbsolutePath();
            Path dir = reportDir.toAbsolutePath();
            transcript = (full.startsWith(dir) ? dir.relativize(full) : full.getFileName()).toString().replace('\\', '/');
        }
        return new HostOutcome(r.target().display(), r.status().name(), r.exitCode(), r.stdout(), r.stderr(),
                r.attempts().size(), r.duration().toMillis(), r.message(), transcript);
    }

    boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    /**
     * The Pipeline return value for this host: only String, Integer, Long and null values in a
     * LinkedHashMap, which are serializable and need no script approval in the sandbox.
     */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", host);
        m.put("status", status);
        m.put("exitCode", exitCode);
        m.put("stdout", stdout);
        m.put("stderr", stderr);
        m.put("attempts", attempts);
        m.put("durationMillis", durationMillis);
        m.put("message", message);
        return m;
    }
}
