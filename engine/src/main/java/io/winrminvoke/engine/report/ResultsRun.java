package io.winrminvoke.engine.report;

import java.util.Map;

/**
 * The run as a whole in results.json.
 *
 * @param started    ISO-8601 instant (UTC)
 * @param ended      ISO-8601 instant (UTC)
 * @param counts     {@code total} and one count per host status name, zeros included
 * @param options    the effective options, secret-free, as plain JSON values
 * @param rollout    the waves and how they went, or null for a run without waves or budget
 */
public record ResultsRun(String name, String started, String ended, long durationMs,
                         Map<String, Integer> counts, Map<String, Object> options, ResultsRollout rollout) {
}
