package io.winrminvoke.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.TargetParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads a results.json written by {@link ReportDirectoryWriter}, e.g. for {@code --rerun-failed}. */
public final class ResultsJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultsJsonReader() {
    }

    /**
     * The targets of every host whose status is not SUCCEEDED (failed, and after a stopped rollout
     * also not attempted), in wave order, hosts of one wave in the file's order: the input of
     * {@code --rerun-failed}. Files without waves are read in their order.
     *
     * @throws InvalidResultsFileException naming the file and the problem
     */
    public static List<Target> targetsToRerun(Path resultsJson) {
        ResultsDocument document = read(resultsJson);
        List<Target> targets = new ArrayList<>();
        List<Integer> waves = new ArrayList<>();
        for (int i = 0; i < document.hosts().size(); i++) {
            ResultsHost host = document.hosts().get(i);
            if (host == null || host.status() == null || host.host() == null) {
                throw new InvalidResultsFileException(resultsJson + ": hosts[" + i + "] has no host or status");
            }
            if (!HostStatus.SUCCEEDED.name().equals(host.status())) {
                try {
                    targets.add(host.target() != null && host.target().contains("://")
                            // ssh://host:port: the transport the host was reached with is part of the entry
                            ? TargetParser.parseLines(List.of(host.target()), resultsJson + " hosts[" + i + "]")
                                    .targets().get(0)
                            : new Target(host.host(), host.port() == null ? 0 : host.port()));
                    waves.add(host.wave() == null ? 0 : host.wave());
                } catch (IllegalArgumentException | InvalidInputException e) {
                    throw new InvalidResultsFileException(resultsJson + ": hosts[" + i + "] is not a valid target: "
                            + e.getMessage(), e);
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(waves::get)); // stable: file order within a wave
        List<Target> inWaveOrder = new ArrayList<>(targets.size());
        order.forEach(i -> inWaveOrder.add(targets.get(i)));
        return inWaveOrder;
    }

    /**
     * The whole document.
     *
     * @throws InvalidResultsFileException naming the file and the problem
     */
    public static ResultsDocument read(Path resultsJson) {
        JsonNode root;
        try (var in = Files.newInputStream(resultsJson)) {
            root = MAPPER.readTree(in);
        } catch (NoSuchFileException e) {
            throw new InvalidResultsFileException("results file not found: " + resultsJson, e);
        } catch (JsonProcessingException e) {
            throw new InvalidResultsFileException(resultsJson + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidResultsFileException("cannot read results file " + resultsJson + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidResultsFileException(resultsJson + " is not a winrm-invoke results.json (no JSON object)");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isInt()) {
            throw new InvalidResultsFileException(resultsJson
                    + " is not a winrm-invoke results.json (no integer schemaVersion)");
        }
        if (version.intValue() != ResultsDocument.SCHEMA_VERSION) {
            throw new InvalidResultsFileException(resultsJson + " has schemaVersion " + version.intValue()
                    + "; this version of winrm-invoke reads schemaVersion " + ResultsDocument.SCHEMA_VERSION);
        }
        if (!root.path("hosts").isArray()) {
            throw new InvalidResultsFileException(resultsJson + " is not a winrm-invoke results.json (no hosts array)");
        }
        try {
            return MAPPER.treeToValue(root, ResultsDocument.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new InvalidResultsFileException(resultsJson + " does not match results schema "
                    + ResultsDocument.SCHEMA_VERSION + ": " + detail, e);
        }
    }
}
