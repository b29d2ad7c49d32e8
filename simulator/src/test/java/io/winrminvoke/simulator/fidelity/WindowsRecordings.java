package io.winrminvoke.simulator.fidelity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Windows responses recorded by pywinrm's and masterzen/winrm's authors, and the
 * requests pywinrm sends, read from the installed Debian packages.
 */
final class WindowsRecordings {

    private WindowsRecordings() {
    }

    /** Every recorded response document (SOAP envelopes only) of both packages. */
    static List<ResponseStructure> responses() {
        return Parsed.RESPONSES;
    }

    // parsed once per JVM: the files do not change while tests run
    private static final class Parsed {
        static final List<ResponseStructure> RESPONSES = List.copyOf(parseResponses());
    }

    private static List<ResponseStructure> parseResponses() {
        List<ResponseStructure> responses = new ArrayList<>();
        for (SourceStringLiteral literal : allLiterals()) {
            if (isEnvelope(literal) && !literal.name().toLowerCase(java.util.Locale.ROOT).endsWith("request")) {
                responses.add(ResponseStructure.parse(literal.describe(), literal.text()));
            }
        }
        return responses;
    }

    /**
     * pywinrm's request documents by variable name (open_shell_request, get_cmd_output_request ...):
     * requests written by code nobody here wrote, which we replay against the simulator.
     */
    static Map<String, String> pywinrmRequests() {
        Map<String, String> requests = new LinkedHashMap<>();
        for (SourceStringLiteral literal : SourceStringLiterals.fromPython(pywinrmConftest())) {
            if (isEnvelope(literal) && literal.name().endsWith("_request")) {
                requests.put(literal.name(), literal.text());
            }
        }
        return requests;
    }

    private static List<SourceStringLiteral> allLiterals() {
        List<SourceStringLiteral> literals = new ArrayList<>(SourceStringLiterals.fromPython(pywinrmConftest()));
        literals.addAll(SourceStringLiterals.fromGo(
                DebianRecordingFiles.require(DebianRecordingFiles.MASTERZEN_FIXTURE, "golang-github-masterzen-winrm-dev")));
        return literals;
    }

    private static java.nio.file.Path pywinrmConftest() {
        return DebianRecordingFiles.require(DebianRecordingFiles.PYWINRM_CONFTEST, "python3-winrm");
    }

    private static boolean isEnvelope(SourceStringLiteral literal) {
        return literal.text().contains("Envelope") && literal.text().strip().startsWith("<");
    }
}
