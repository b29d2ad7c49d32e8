package io.winrminvoke.simulator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fidelity comparison is only as good as its reading of the recordings and its ability to
 * notice a difference; these tests prove both without a simulator.
 */
class WindowsRecordingsTest {

    @Test
    void readsEveryRecordedWindowsResponseOfBothPackages() {
        Map<String, List<String>> originsByKind = WindowsRecordings.responses().stream()
                .collect(Collectors.groupingBy(ResponseStructure::kind,
                        Collectors.mapping(ResponseStructure::origin, Collectors.toList())));

        assertThat(originsByKind).containsOnlyKeys("CreateResponse", "CommandResponse", "ReceiveResponse Running",
                "ReceiveResponse Done", "SignalResponse", "DeleteResponse", "Fault w:TimedOut");
        assertThat(originsByKind.get("CreateResponse"))
                .containsExactlyInAnyOrder("conftest.py open_shell_response", "fixture_test.go createShellResponse");
        assertThat(originsByKind.get("ReceiveResponse Done")).containsExactlyInAnyOrder(
                "conftest.py get_cmd_output_response", "fixture_test.go doneCommandResponse",
                "fixture_test.go doneCommandExitCode0Response");
        assertThat(originsByKind.get("Fault w:TimedOut")).containsExactly("fixture_test.go operationTimeoutResponse");
    }

    @Test
    void readsThePywinrmRequestsToReplay() {
        assertThat(WindowsRecordings.pywinrmRequests()).containsKeys("open_shell_request", "run_cmd_wo_args_request",
                "get_cmd_output_request", "cleanup_cmd_request", "close_shell_request");
    }

    @Test
    void aMissingElementIsReportedWithItsPath() {
        ResponseStructure windows = recording("fixture_test.go doneCommandResponse");
        ResponseStructure withoutExitCode = ResponseStructure.parse("mutant",
                textOf("fixture_test.go doneCommandResponse").replace("<rsp:ExitCode>123</rsp:ExitCode>", ""));

        StructuralComparison comparison = new StructuralComparison(List.of());
        comparison.simulatorHasEverythingOf(windows, List.of(withoutExitCode));

        assertThat(comparison.findings()).singleElement().asString()
                .contains("[ReceiveResponse Done] simulator lacks /s:Envelope/s:Body/rsp:ReceiveResponse/rsp:CommandState/rsp:ExitCode");
    }

    @Test
    void anExtraElementOrAttributeIsReported() {
        ResponseStructure windows = recording("fixture_test.go doneCommandExitCode0Response");
        ResponseStructure withExtra = ResponseStructure.parse("mutant", textOf("fixture_test.go doneCommandExitCode0Response")
                .replace("<rsp:ExitCode>0</rsp:ExitCode>", "<rsp:ExitCode Kind=\"x\">0</rsp:ExitCode><rsp:Extra/>"));

        StructuralComparison comparison = new StructuralComparison(List.of());
        comparison.simulatorSendsOnlyWhatWindowsSends(withExtra, List.of(windows));

        assertThat(comparison.findings()).hasSize(2).anySatisfy(f -> assertThat(f)
                .contains("simulator sends /s:Envelope/s:Body/rsp:ReceiveResponse/rsp:CommandState/rsp:ExitCode with attributes @Kind")
                .contains("(the other side has this element with no attributes)"))
                .anySatisfy(f -> assertThat(f).contains("simulator sends /s:Envelope/s:Body/rsp:ReceiveResponse/rsp:CommandState/rsp:Extra"));
    }

    @Test
    void aWrongProtocolConstantIsReported() {
        ResponseStructure windows = recording("fixture_test.go operationTimeoutResponse");
        ResponseStructure otherCode = ResponseStructure.parse("mutant", textOf("fixture_test.go operationTimeoutResponse")
                .replace("Code=\"2150858793\"", "Code=\"2150858843\""));

        StructuralComparison comparison = new StructuralComparison(List.of());
        comparison.simulatorHasEverythingOf(windows, List.of(otherCode));

        assertThat(comparison.findings()).singleElement().asString()
                .contains("/s:Envelope/s:Body/s:Fault/s:Detail/f:WSManFault/@Code is \"2150858843\" but Windows sends \"2150858793\"");
    }

    @Test
    void aChangedOrderOfSiblingsIsReported() {
        String original = textOf("fixture_test.go executeCommandResponse");
        String action = original.substring(original.indexOf("<a:Action>"), original.indexOf("</a:Action>") + 11);
        String reordered = original.replace(action, "").replace("</a:RelatesTo>", "</a:RelatesTo>" + action);

        StructuralComparison comparison = new StructuralComparison(List.of());
        comparison.simulatorHasEverythingOf(recording("fixture_test.go executeCommandResponse"),
                List.of(ResponseStructure.parse("mutant", reordered)));

        assertThat(comparison.findings()).singleElement().asString().contains("children of /s:Envelope/s:Header come in the order "
                + "[a:MessageID, a:To, a:RelatesTo, a:Action] but Windows sends [a:Action, a:MessageID, a:To, a:RelatesTo]");
    }

    @Test
    void prefixesIdsAndWhitespaceDoNotMatter() {
        ResponseStructure windows = recording("fixture_test.go createShellResponse");
        String reworded = textOf("fixture_test.go createShellResponse")
                .replace("rsp:", "shell:").replace("xmlns:rsp=", "xmlns:shell=")
                .replace("67A74734-DD32-4F10-89DE-49A060483810", "00000000-0000-0000-0000-000000000001")
                .replaceAll(">\\s+<", "><");

        StructuralComparison comparison = new StructuralComparison(List.of());
        ResponseStructure mutant = ResponseStructure.parse("reworded", reworded);
        comparison.simulatorHasEverythingOf(windows, List.of(mutant));
        comparison.simulatorSendsOnlyWhatWindowsSends(mutant, List.of(windows));

        assertThat(comparison.findings()).isEmpty();
    }

    @Test
    void aDocumentedDifferenceThatNoLongerOccursIsReported() {
        ResponseStructure windows = recording("conftest.py close_shell_response");
        StructuralComparison comparison = new StructuralComparison(List.of(new DocumentedDifference("DeleteResponse",
                DocumentedDifference.Direction.SIMULATOR_LACKS, "/s:Envelope/s:Body", "test")));
        comparison.simulatorHasEverythingOf(windows, List.of(windows));

        assertThat(comparison.findings()).singleElement().asString().startsWith("documented difference no longer occurs");
    }

    @Test
    void recordingsOfOneKindNeverDisagreeOnTheOrderOfSharedElements() {
        // the comparator holds the simulator to sibling order; that is only fair if Windows is consistent
        StructuralComparison comparison = new StructuralComparison(List.of());
        for (ResponseStructure a : WindowsRecordings.responses()) {
            for (ResponseStructure b : WindowsRecordings.responses()) {
                if (a != b && a.kind().equals(b.kind())) {
                    comparison.simulatorHasEverythingOf(a, List.of(b));
                }
            }
        }

        assertThat(comparison.findings()).noneMatch(f -> f.contains("come in the order"));
    }

    @Test
    void aMissingDebianPackageFailsWithTheAptLineInsteadOfSkipping() {
        assertThatThrownBy(() -> DebianRecordingFiles.require(Path.of("/nonexistent/winrm/protocol.py"), "python3-winrm"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("apt-get install python3-winrm")
                .hasMessageContaining(DebianRecordingFiles.APT_INSTALL_LINE);
    }

    private static ResponseStructure recording(String origin) {
        return WindowsRecordings.responses().stream().filter(r -> r.origin().equals(origin)).findFirst().orElseThrow();
    }

    private static String textOf(String origin) {
        List<SourceStringLiteral> literals = new java.util.ArrayList<>(
                SourceStringLiterals.fromPython(DebianRecordingFiles.PYWINRM_CONFTEST));
        literals.addAll(SourceStringLiterals.fromGo(DebianRecordingFiles.MASTERZEN_FIXTURE));
        return literals.stream().filter(l -> l.describe().equals(origin)).findFirst().orElseThrow().text();
    }
}
