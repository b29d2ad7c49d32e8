package io.winrminvoke.simulator.fidelity;

/**
 * A structural difference from the Windows recordings that we accept knowingly, with the reason.
 * Every entry must still occur: an entry nothing matches any more is reported as stale, so the
 * list cannot silently outlive the difference it excuses.
 *
 * @param kind the response kind it applies to, e.g. "CreateResponse"
 * @param direction whether the simulator lacks the element or sends it in addition
 * @param shape the element as {@link ElementShape#describe()} prints it
 * @param reason why the difference is harmless or deliberate
 */
record DocumentedDifference(String kind, Direction direction, String shape, String reason) {

    enum Direction {
        /** Windows sends it, the simulator does not. */
        SIMULATOR_LACKS,
        /** The simulator sends it, no Windows recording of that kind has it. */
        SIMULATOR_ADDS
    }

    boolean covers(String kind, Direction direction, ElementShape shape) {
        return this.kind.equals(kind) && this.direction == direction && this.shape.equals(shape.describe());
    }
}
