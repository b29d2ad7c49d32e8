package io.winrminvoke.simulator;

/** Placeholder entry point; the launcher arrives with the simulator. */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) {
        System.err.println("winrm-simulator: not implemented yet");
        System.exit(2);
    }
}
