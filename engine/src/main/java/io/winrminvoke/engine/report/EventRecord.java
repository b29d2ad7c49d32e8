package io.winrminvoke.engine.report;

import java.util.Map;

/**
 * One line of events.jsonl.
 *
 * @param timestamp ISO-8601 instant (UTC)
 * @param level     INFO, WARN or ERROR
 * @param host      the target as displayed, or null for run-level events
 * @param attempt   the attempt number, or null
 * @param event     what happened: run-started, attempt-started, attempt-ended, host-finished,
 *                  run-finished, report-written, report-problem
 * @param message   a one-line human description
 * @param data      the event's details as plain JSON values
 */
public record EventRecord(String timestamp, String level, String host, Integer attempt, String event,
                          String message, Map<String, Object> data) {
}
