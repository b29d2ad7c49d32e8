package io.winrminvoke.simulator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.simulator.FleetConfig;
import io.winrminvoke.simulator.SimulatedHost;
import io.winrminvoke.simulator.SimulatorExtension;
import io.winrminvoke.simulator.scenario.Scenario;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The simulator's responses have the structure of the real Windows responses recorded in
 * Debian's python3-winrm and golang-github-masterzen-winrm-dev packages: same elements in the
 * same namespaces and nesting, same attribute names, same protocol constants (Action, command
 * state, fault subcode and code). Ids, addresses, output, timestamps and order are ignored.
 *
 * <p>Each recording is compared with the simulator's answer in the same situation, which a host
 * scenario reproduces: output while the command runs (masterzen outputResponse), a command done
 * without output (doneCommandResponse), output then done (pywinrm get_cmd_output_response), a
 * command silent past the OperationTimeout (operationTimeoutResponse).
 */
class WindowsResponseStructureTest {

    private static final String USER = "fidelity";
    private static final String PASSWORD = "Str0ng-enough";

    /** Scaled by 0.05 the simulator times Receive out after 0.1 s. */
    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(2);

    private static final int RUNNING = 0;
    private static final int DONE_WITHOUT_OUTPUT = 1;
    private static final int OUTPUT_THEN_DONE = 2;
    private static final int SILENT = 3;
    private static final int BULK = 4;

    /**
     * Differences from the recordings we accept knowingly. Each must keep occurring (a stale
     * entry fails the test), and each says why it is harmless.
     */
    private static final List<DocumentedDifference> DOCUMENTED = List.of(
            new DocumentedDifference("ReceiveResponse Running", DocumentedDifference.Direction.SIMULATOR_ADDS,
                    "/s:Envelope/s:Body/rsp:ReceiveResponse/rsp:Stream with attributes @CommandId @End @Name",
                    "the BULK host's stderr is closed and drained while 400 kB of stdout are still queued, and the"
                            + " simulator reports End=\"true\" per stream as soon as it is (MS-WSMV's Stream End"
                            + " belongs to the stream, not to the CommandState). No recording covers that"
                            + " situation: in each, the output fits one response or no stream has closed yet"));

    @RegisterExtension
    static final SimulatorExtension SIM = SimulatorExtension.with(FleetConfig.builder()
            .hosts(5).user(USER).password(PASSWORD)
            .clockScale(0.05)
            .scenario(Scenario.fromJson("""
                    {"hosts": {
                      "0": {"steps": [{"stdout": "That's all folks!!!"}, {"stderr": "This is stderr, I'm pretty sure!"},
                                      {"hang": true}]},
                      "1": {"exitCode": 123, "steps": []},
                      "2": {"exitCode": 0, "steps": [{"stdout": "\\r\\nWindows IP Configuration\\r\\n\\r\\n"}]},
                      "3": {"steps": [{"sleep": "PT60S"}]},
                      "4": {"steps": [{"stdoutRepeat": "x", "bytes": 400000}]}
                    }}
                    """)));

    private static HttpClient http;
    private static final Map<Integer, List<ReplayedExchange>> EXCHANGES = new LinkedHashMap<>();
    private static List<ResponseStructure> recordings;

    @BeforeAll
    static void replayPywinrmRequestsAgainstEachScenario() {
        recordings = WindowsRecordings.responses();
        Map<String, String> templates = WindowsRecordings.pywinrmRequests();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        EXCHANGES.put(RUNNING, session(templates, RUNNING,
                exchanges -> streamNames(exchanges).containsAll(List.of("stdout", "stderr"))));
        EXCHANGES.put(DONE_WITHOUT_OUTPUT, session(templates, DONE_WITHOUT_OUTPUT, WindowsResponseStructureTest::done));
        EXCHANGES.put(OUTPUT_THEN_DONE, session(templates, OUTPUT_THEN_DONE, WindowsResponseStructureTest::done));
        EXCHANGES.put(SILENT, session(templates, SILENT,
                exchanges -> exchanges.stream().anyMatch(e -> e.response().kind().startsWith("Fault"))));
        EXCHANGES.put(BULK, session(templates, BULK, WindowsResponseStructureTest::done));
    }

    @Test
    void simulatorSendsEveryElementAndConstantOfTheWindowsRecordings() {
        Map<String, List<ResponseStructure>> situation = new LinkedHashMap<>();
        situation.put("conftest.py open_shell_response", responses(RUNNING, "Create"));
        situation.put("fixture_test.go createShellResponse", responses(RUNNING, "Create"));
        situation.put("conftest.py run_cmd_response", responses(RUNNING, "Command"));
        situation.put("fixture_test.go executeCommandResponse", responses(RUNNING, "Command"));
        // Windows spreads output over Receives as timing has it; compare with all of them
        situation.put("fixture_test.go outputResponse", ofKind(responses(RUNNING, "Receive"), "ReceiveResponse Running"));
        situation.put("fixture_test.go singleOutputResponse", ofKind(responses(RUNNING, "Receive"), "ReceiveResponse Running"));
        situation.put("fixture_test.go doneCommandResponse", ofKind(responses(DONE_WITHOUT_OUTPUT, "Receive"), "ReceiveResponse Done"));
        situation.put("fixture_test.go doneCommandExitCode0Response", ofKind(responses(OUTPUT_THEN_DONE, "Receive"), "ReceiveResponse Done"));
        situation.put("conftest.py get_cmd_output_response", responses(OUTPUT_THEN_DONE, "Receive"));
        situation.put("conftest.py cleanup_cmd_response", responses(RUNNING, "Signal"));
        situation.put("conftest.py close_shell_response", responses(RUNNING, "Delete"));
        situation.put("fixture_test.go operationTimeoutResponse", ofKind(responses(SILENT, "Receive"), "Fault w:TimedOut"));

        assertThat(situation.keySet()).as("every recording shipped in the packages is compared")
                .containsExactlyInAnyOrderElementsOf(recordings.stream().map(ResponseStructure::origin).toList());
        StructuralComparison comparison = new StructuralComparison(documentedOf(DocumentedDifference.Direction.SIMULATOR_LACKS));
        for (ResponseStructure recording : recordings) {
            List<ResponseStructure> simulator = situation.get(recording.origin());
            if (simulator.isEmpty()) {
                comparison.addFinding("[" + recording.kind() + "] the simulator never answered like "
                        + recording.origin() + " in that situation; it answered: " + allLabels());
            } else {
                comparison.simulatorHasEverythingOf(recording, simulator);
            }
        }

        assertThat(comparison.findings()).as(report(comparison.findings())).isEmpty();
    }

    @Test
    void simulatorSendsNoElementThatNoWindowsRecordingHas() {
        StructuralComparison comparison = new StructuralComparison(documentedOf(DocumentedDifference.Direction.SIMULATOR_ADDS));
        allExchanges().forEach(e -> comparison.simulatorSendsOnlyWhatWindowsSends(e.response(), recordings));

        assertThat(comparison.findings()).as(report(comparison.findings())).isEmpty();
    }

    @Test
    void everyResponseRelatesToItsRequestAndIsSoapXml() {
        assertThat(allExchanges()).allSatisfy(e -> {
            assertThat(e.response().value("/s:Envelope/s:Header/a:RelatesTo")).as("a:RelatesTo of %s", e.label())
                    .isNotNull().isEqualToIgnoringWhitespace(e.requestMessageId());
            assertThat(e.contentType()).as("Content-Type of %s", e.label()).startsWith("application/soap+xml");
        });
    }

    @Test
    void faultsAreHttp500AndEverythingElseHttp200() {
        assertThat(allExchanges()).allSatisfy(e -> assertThat(e.httpStatus()).as("HTTP status of %s", e.label())
                .isEqualTo(e.response().kind().startsWith("Fault") ? 500 : 200));
        assertThat(allExchanges()).as("at least one fault was compared")
                .anySatisfy(e -> assertThat(e.response().kind()).isEqualTo("Fault w:TimedOut"));
    }

    @Test
    void receiveResponsesFitTheMaxEnvelopeSizeOfTheRequest() {
        List<ReplayedExchange> bulkReceives = EXCHANGES.get(BULK).stream()
                .filter(e -> e.label().contains(" Receive ")).toList();

        assertThat(bulkReceives).as("400 kB of output needs several Receives").hasSizeGreaterThan(1);
        assertThat(bulkReceives.get(bulkReceives.size() - 1).response().kind()).isEqualTo("ReceiveResponse Done");
        assertThat(allExchanges()).allSatisfy(e -> assertThat(e.responseBytes()).as("size of %s", e.label())
                .isLessThanOrEqualTo(PywinrmRequestReplayer.RECORDED_MAX_ENVELOPE_SIZE));
    }

    /** Create, Command, Receive until {@code enough}, Signal, Delete: what every WinRS client does. */
    private static List<ReplayedExchange> session(Map<String, String> templates, int hostIndex,
            Predicate<List<ReplayedExchange>> enough) {
        SimulatedHost host = SIM.fleet().host(hostIndex);
        PywinrmRequestReplayer replayer = new PywinrmRequestReplayer(templates, http, host.endpoint(), host.name(),
                USER, PASSWORD, OPERATION_TIMEOUT);
        replayer.openShell();
        replayer.runCommand();
        List<ReplayedExchange> receives = new ArrayList<>();
        // bounded: a simulator that never gets there fails the comparison instead of hanging it
        for (int i = 0; i < 40 && !enough.test(receives); i++) {
            receives.add(replayer.receive());
        }
        replayer.signal();
        replayer.closeShell();
        return replayer.exchanges();
    }

    private static boolean done(List<ReplayedExchange> receives) {
        return receives.stream().anyMatch(e -> e.response().kind().equals("ReceiveResponse Done"));
    }

    private static List<String> streamNames(List<ReplayedExchange> receives) {
        List<String> names = new ArrayList<>();
        for (ReplayedExchange e : receives) {
            String stdout = e.response().value("//rsp:Stream[@Name='stdout' and not(@End)]/@Name");
            String stderr = e.response().value("//rsp:Stream[@Name='stderr' and not(@End)]/@Name");
            Stream.of(stdout, stderr).filter(java.util.Objects::nonNull).forEach(names::add);
        }
        return names;
    }

    private static List<ResponseStructure> responses(int hostIndex, String operationPrefix) {
        return EXCHANGES.get(hostIndex).stream()
                .filter(e -> e.label().substring(e.label().indexOf(' ') + 1).startsWith(operationPrefix))
                .map(ReplayedExchange::response).toList();
    }

    private static List<ResponseStructure> ofKind(List<ResponseStructure> responses, String kind) {
        return responses.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    private static List<ReplayedExchange> allExchanges() {
        return EXCHANGES.values().stream().flatMap(List::stream).toList();
    }

    private static String allLabels() {
        return allExchanges().stream().map(e -> e.label() + " (" + e.response().kind() + ")").toList().toString();
    }

    private static List<DocumentedDifference> documentedOf(DocumentedDifference.Direction direction) {
        return DOCUMENTED.stream().filter(d -> d.direction() == direction).toList();
    }

    private static String report(List<String> findings) {
        return findings.size() + " fidelity finding(s):\n  " + String.join("\n  ", findings);
    }
}
