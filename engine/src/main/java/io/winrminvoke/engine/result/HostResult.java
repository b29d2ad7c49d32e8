package io.winrminvoke.engine.result;

import io.winrminvoke.engine.targets.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome for one host. stdout/stderr hold at most the run's in-memory bound (already
 * decoded and masked); when more arrived, the truncated flag is set and the complete text is in
 * {@code fullOutput} (a transcript file), if the run kept one.
 */
public record HostResult(Target target, HostStatus status, Integer exitCode,
                         String stdout, boolean stdoutTruncated,
                         String stderr, boolean stderrTruncated,
                         List<Attempt> attempts, Instant started, Instant ended,
                         String message, Path fullOutput) {

    public HostResult {
        attempts = List.copyOf(attempts);
    }

    public Duration duration() {
        return started == null || ended == null ? Duration.ZERO : Duration.between(started, ended);
    }
}
