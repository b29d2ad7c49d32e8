package io.winrminvoke.engine.report;

/**
 * The kept part of one output stream: {@code truncated} says more arrived than the run keeps in
 * memory; the whole stream is in the host's transcript.
 */
public record ResultsOutput(String text, boolean truncated) {
}
