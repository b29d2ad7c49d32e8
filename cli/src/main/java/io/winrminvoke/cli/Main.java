package io.winrminvoke.cli;

import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Process entry point of {@code winrm-invoke}: real streams, real environment, then exit. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Optional<Integer> tuned = TunedJvm.relaunch(args);
        if (tuned.isPresent()) {
            System.exit(tuned.get());
        }
        Console console = System.console();
        // Remote output is often Japanese; on a terminal use its charset, in a pipe or file UTF-8
        // (Java 17 would otherwise fall back to the platform default, ASCII under a C locale).
        Charset charset = console != null ? console.charset() : StandardCharsets.UTF_8;
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        CliEnvironment environment = new CliEnvironment(out, err, System.getenv(), console != null);
        int status = WinrmInvokeCli.execute(environment, args);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
