package io.winrminvoke.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;

/**
 * What the command line talks to besides the network: its output streams, the environment
 * variables (the only source of a password) and whether stdout is an interactive terminal.
 * Injected so tests can run the tool in-process with captured output and a made-up environment.
 *
 * @param out      live host lines, the summary table, help
 * @param err      errors, warnings
 * @param env      environment variables, read by {@code --password-env}
 * @param terminal stdout is an interactive terminal: a progress line is kept at the bottom
 */
public record CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal) {

    public CliEnvironment {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
    }

    @Override
    public String toString() {
        // the environment may hold the password
        return "CliEnvironment[terminal=" + terminal + ", " + env.size() + " variables]";
    }
}
