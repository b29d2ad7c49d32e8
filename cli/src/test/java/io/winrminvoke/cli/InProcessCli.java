package io.winrminvoke.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Runs {@code winrm-invoke} in this JVM with captured output and a made-up environment. */
final class InProcessCli {

    /** What one invocation printed and returned. */
    record Outcome(int exitStatus, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }

        List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitStatus + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private InProcessCli() {
    }

    static Outcome run(Map<String, String> env, String... args) {
        return run(env, false, args);
    }

    static Outcome run(Map<String, String> env, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = WinrmInvokeCli.execute(
                new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), env, terminal), args);
        return new Outcome(status, out.toString(), err.toString());
    }

    static String[] args(List<String> first, String... more) {
        String[] all = Arrays.copyOf(first.toArray(String[]::new), first.size() + more.length);
        System.arraycopy(more, 0, all, first.size(), more.length);
        return all;
    }
}
