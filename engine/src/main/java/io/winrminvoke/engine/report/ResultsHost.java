package io.winrminvoke.engine.report;

import java.util.List;

/**
 * One host in results.json.
 *
 * @param target     the target as the user gave it ({@code host}, {@code host:port}, {@code [v6]:port})
 * @param host       host name or address (IPv6 without brackets)
 * @param port       the port the user gave, or null when the run's default applied
 * @param status     a {@code HostStatus} name
 * @param wave       the wave (1-based) the host ran in, or would have; 1 for a run without waves.
 *                   Null in files written before waves existed
 * @param started    ISO-8601 instant, or null if the host was never started
 * @param transcript the transcript's path relative to the report directory, with {@code /}
 */
public record ResultsHost(String target, String host, Integer port, String status, Integer exitCode,
                          String message, String started, String ended, long durationMs,
                          List<ResultsAttempt> attempts, ResultsOutput stdout, ResultsOutput stderr,
                          String transcript, Integer wave) {

    public ResultsHost {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
