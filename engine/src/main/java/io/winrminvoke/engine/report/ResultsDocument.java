package io.winrminvoke.engine.report;

import java.util.List;

/**
 * The content of results.json, schema version {@value #SCHEMA_VERSION} (docs/reports.md,
 * {@code results.schema.json}). Fields are only ever added within a schema version; a removal or
 * a change of meaning raises it. Readers ignore fields they do not know.
 */
public record ResultsDocument(int schemaVersion, ResultsTool tool, ResultsRun run, List<ResultsHost> hosts) {

    public static final int SCHEMA_VERSION = 1;

    public ResultsDocument {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }
}
