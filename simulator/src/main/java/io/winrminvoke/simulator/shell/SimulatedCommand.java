package io.winrminvoke.simulator.shell;

/** A command running in a simulated shell: a real /bin/sh process or a scenario's scripted steps. */
public abstract class SimulatedCommand {
    /** STATUS_CONTROL_C_EXIT: the exit code Windows reports for a process ended by Ctrl+C. */
    public static final long CONTROL_C_EXIT = 0xC000013AL;

    private final String id;
    protected final CommandOutput output = new CommandOutput();

    protected SimulatedCommand(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public CommandOutput output() {
        return output;
    }

    /** Starts running; output appears in {@link #output()}. */
    public abstract void start();

    /** Bytes for the command's stdin; {@code end} closes it. */
    public abstract void stdin(byte[] bytes, boolean end);

    /** Ctrl+C / Ctrl+Break: the command ends, its remaining output and exit code can still be received. */
    public abstract void interrupt();

    /** Terminate (signal or Delete): the command and everything it started are killed; nobody reads on. */
    public abstract void kill();
}
