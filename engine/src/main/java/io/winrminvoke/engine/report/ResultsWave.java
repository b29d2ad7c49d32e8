package io.winrminvoke.engine.report;

/**
 * One wave that ended, in results.json ({@code run.rollout.waveReports[]}); the fields of
 * {@code WaveReport}, {@code decision} one of CONTINUE, STOP, DONE, {@code line} its progress line.
 */
public record ResultsWave(int wave, int hosts, int succeeded, int failed, int notStarted, int failedSoFar,
                          int runSoFar, String decision, String line) {
}
