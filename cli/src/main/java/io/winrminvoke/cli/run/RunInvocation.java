package io.winrminvoke.cli.run;

import io.winrminvoke.engine.report.ReportName;
import io.winrminvoke.engine.report.retention.RetentionPolicy;
import io.winrminvoke.engine.run.RunRequest;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code run} whose every input has been validated: nothing about it can still be wrong in a
 * way the user should have been told before a host was contacted.
 *
 * @param request          targets, credentials, command, options and masker, validated by the engine
 * @param warnings         worth telling the user but not stopping the run (duplicate hosts)
 * @param reportDir        where the report files go (created, unless there is nothing to run)
 * @param reportName       the JUnit suite and the report files' prefix
 * @param quiet            no live host lines and no progress line
 * @param csvByteOrderMark write results.csv with a UTF-8 byte order mark
 * @param effectiveOptions the options as the run uses them, defaults filled in, no secret: for results.json
 * @param retention        which earlier report directories next to {@code reportDir} to delete after the run
 */
public record RunInvocation(RunRequest request, List<String> warnings, Path reportDir, ReportName reportName,
                            boolean quiet,
                            boolean csvByteOrderMark, Map<String, Object> effectiveOptions,
                            RetentionPolicy retention) {

    public RunInvocation {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reportDir, "reportDir");
        Objects.requireNonNull(reportName, "reportName");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(retention, "retention");
        effectiveOptions = Collections.unmodifiableMap(new LinkedHashMap<>(effectiveOptions));
    }
}
