package io.winrminvoke.cli;

/** Placeholder entry point; the command line arrives with the engine. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("winrm-invoke: not implemented yet");
        System.exit(2);
    }
}
