package io.winrminvoke.simulator.fidelity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares simulator responses with Windows recordings by structure, collecting findings that
 * name the response kind, the exact element path and attributes, and where each side came from.
 * Both directions count: what Windows sends and the simulator lacks, and what the simulator sends
 * that no Windows recording of that kind has. Sibling order counts only between elements both
 * sides have (no recording disagrees with another on the order of elements they share).
 */
final class StructuralComparison {

    private final List<DocumentedDifference> documented;
    private final Set<DocumentedDifference> documentedSeen = new HashSet<>();
    private final List<String> findings = new ArrayList<>();

    StructuralComparison(List<DocumentedDifference> documented) {
        this.documented = List.copyOf(documented);
    }

    /**
     * Every element of the recording must occur in the simulator's responses (several when the
     * simulator, like Windows under different timing, spreads one outcome over several Receives).
     * Protocol constants are compared with the simulator responses of the recording's own kind.
     */
    void simulatorHasEverythingOf(ResponseStructure recording, Collection<ResponseStructure> simulatorResponses) {
        Set<ElementShape> simulatorShapes = union(simulatorResponses);
        for (ElementShape shape : recording.shapes()) {
            if (simulatorShapes.contains(shape) || isDocumented(recording.kind(), DocumentedDifference.Direction.SIMULATOR_LACKS, shape)) {
                continue;
            }
            findings.add("[" + recording.kind() + "] simulator lacks " + shape.describe()
                    + sameElementOtherwise(shape, simulatorShapes)
                    + "; Windows sends it in " + recording.origin() + "; simulator: " + origins(simulatorResponses));
        }
        for (ResponseStructure simulator : simulatorResponses) {
            orderDifferences(recording, simulator);
            if (simulator.kind().equals(recording.kind())) {
                for (String difference : ProtocolConstants.differences(recording, simulator)) {
                    findings.add("[" + recording.kind() + "] " + difference + " (" + recording.origin()
                            + "); simulator: " + simulator.origin());
                }
            }
        }
    }

    /** The simulator's response may contain only elements some Windows recording of its kind has. */
    void simulatorSendsOnlyWhatWindowsSends(ResponseStructure simulator, Collection<ResponseStructure> recordings) {
        List<ResponseStructure> sameKind = recordings.stream().filter(r -> r.kind().equals(simulator.kind())).toList();
        if (sameKind.isEmpty()) {
            findings.add("[" + simulator.kind() + "] simulator answered " + simulator.origin()
                    + " with a kind of response no Windows recording has; kinds recorded: "
                    + recordings.stream().map(ResponseStructure::kind).distinct().sorted().toList());
            return;
        }
        Set<ElementShape> windowsShapes = union(sameKind);
        for (ElementShape shape : simulator.shapes()) {
            if (windowsShapes.contains(shape) || isDocumented(simulator.kind(), DocumentedDifference.Direction.SIMULATOR_ADDS, shape)) {
                continue;
            }
            findings.add("[" + simulator.kind() + "] simulator sends " + shape.describe()
                    + sameElementOtherwise(shape, windowsShapes)
                    + " which no Windows recording of this kind has (" + origins(sameKind) + "); simulator: "
                    + simulator.origin());
        }
    }

    private void orderDifferences(ResponseStructure recording, ResponseStructure simulator) {
        recording.childOrder().forEach((path, windowsOrder) -> {
            List<String> simulatorOrder = simulator.childOrder().get(path);
            if (simulatorOrder == null) {
                return;
            }
            List<String> sharedInWindowsOrder = windowsOrder.stream().filter(simulatorOrder::contains).toList();
            List<String> sharedInSimulatorOrder = simulatorOrder.stream().filter(windowsOrder::contains).toList();
            if (!sharedInWindowsOrder.equals(sharedInSimulatorOrder)) {
                findings.add("[" + recording.kind() + "] children of " + path + " come in the order "
                        + sharedInSimulatorOrder + " but Windows sends " + sharedInWindowsOrder + " ("
                        + recording.origin() + "); simulator: " + simulator.origin());
            }
        });
    }

    void addFinding(String finding) {
        findings.add(finding);
    }

    /** Findings, plus documented differences that no longer occur (the list must stay true). */
    List<String> findings() {
        List<String> all = new ArrayList<>(findings);
        for (DocumentedDifference difference : documented) {
            if (!documentedSeen.contains(difference)) {
                all.add("documented difference no longer occurs, remove it: " + difference);
            }
        }
        return all;
    }

    private boolean isDocumented(String kind, DocumentedDifference.Direction direction, ElementShape shape) {
        for (DocumentedDifference difference : documented) {
            if (difference.covers(kind, direction, shape)) {
                documentedSeen.add(difference);
                return true;
            }
        }
        return false;
    }

    // "the element is there but with other attributes" is the most useful thing to say about it
    private static String sameElementOtherwise(ElementShape shape, Set<ElementShape> others) {
        List<String> variants = others.stream()
                .filter(o -> o.path().equals(shape.path()))
                .map(o -> o.attributes().isEmpty() ? "no attributes" : "@" + String.join(" @", o.attributes()))
                .toList();
        return variants.isEmpty() ? "" : " (the other side has this element with " + String.join(" / ", variants) + ")";
    }

    private static Set<ElementShape> union(Collection<ResponseStructure> responses) {
        Set<ElementShape> all = new LinkedHashSet<>();
        responses.forEach(r -> all.addAll(r.shapes()));
        return all;
    }

    private static String origins(Collection<ResponseStructure> responses) {
        return responses.stream().map(ResponseStructure::origin).collect(Collectors.joining(", "));
    }
}
