package io.winrminvoke.engine.report.retention;

import java.nio.file.Path;
import java.util.List;

/**
 * What a prune did: report directories deleted, report directories kept, and problems (a
 * directory that could not be deleted completely; pruning goes on with the next).
 */
public record PruneResult(List<Path> deleted, List<Path> kept, List<String> problems) {

    public PruneResult {
        deleted = List.copyOf(deleted);
        kept = List.copyOf(kept);
        problems = List.copyOf(problems);
    }
}
