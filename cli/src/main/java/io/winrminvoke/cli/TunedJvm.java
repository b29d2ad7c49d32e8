package io.winrminvoke.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The JVM options the tool runs best with (docs/cli.md#jvm-options), applied to a plain
 * {@code java -jar winrm-invoke.jar}: a manifest cannot carry JVM options, so such a start runs
 * the jar again in a JVM with them and passes its exit status on. A JVM started with options of
 * its own (on the command line or in {@code JDK_JAVA_OPTIONS}) is left as it is, and so is one
 * started with {@code -Dwinrm-invoke.jvm=as-started}.
 */
final class TunedJvm {

    /** System property: {@code tuned} in the JVM this class started, {@code as-started} to opt out. */
    static final String PROPERTY = "winrm-invoke.jvm";

    /**
     * C1 only: a run is seconds long, C2's compilations were mostly never paid back (40 % of case
     * b's CPU, half of case c's). The serial collector with a fixed 32 MB young generation and an
     * old generation that grows only as needed: peak RSS follows the data live at any moment
     * (small: output is streamed) instead of G1's heap growing towards its default quarter of the
     * machine's memory under allocation churn, and young collections (which stop every worker)
     * stay rare. The maximum only guards the machine; a large fleet's results fit well inside it.
     * Measured in docs/benchmarks.md.
     */
    static final List<String> OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms48m", "-Xmn32m", "-Xmx1g",
            "-XX:MaxHeapFreeRatio=30", "-XX:MinHeapFreeRatio=10");

    /** How long the first JVM waits for the second after it was asked to stop (Ctrl-C, kill). */
    private static final long STOP_WAIT_SECONDS = 30;

    private TunedJvm() {
    }

    /**
     * Runs the tool in a tuned JVM if this one is a plain {@code java -jar}; the tuned JVM's exit
     * status, or empty to go on in this JVM.
     */
    static Optional<Integer> relaunch(String[] args) {
        Map<String, String> environment = System.getenv();
        Optional<Path> jar = ownJar();
        Optional<List<String>> command = command(args, environment, jar);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        Optional<ClassDataArchive> classData = ClassDataArchive.locate(environment, jar.get(), OPTIONS);
        Process child;
        try {
            child = new ProcessBuilder(withClassData(command.get(), args, classData)).inheritIO().start();
        } catch (IOException e) {
            return Optional.empty(); // cannot start a second JVM: run untuned rather than not at all
        }
        // Ctrl-C reaches both JVMs (one process group); a kill reaches this one only: pass it on
        // and wait, so the tuned JVM's cancellation, summary and reports finish first.
        Thread forward = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "winrm-invoke-forward-stop");
        Runtime.getRuntime().addShutdownHook(forward);
        while (true) {
            try {
                int status = child.waitFor();
                try {
                    Runtime.getRuntime().removeShutdownHook(forward);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is already waiting for the child, which has ended
                }
                classData.ifPresent(archive -> archive.settle(status));
                return Optional.of(status);
            } catch (InterruptedException e) {
                // nobody interrupts main; keep waiting for the child
            }
        }
    }

    /**
     * For {@code --version}: whether this JVM runs with the tool's options, and the class-data
     * archive it was given (on Linux also whether the JVM mapped it: it drops one it cannot use).
     */
    static String describeThisJvm() {
        if (!"tuned".equals(System.getProperty(PROPERTY))) {
            return "options as started (docs/cli.md#jvm-options)";
        }
        String description = "options: " + String.join(" ", OPTIONS);
        String archive = System.getProperty(ClassDataArchive.PROPERTY);
        if (archive == null) {
            return description + "; class data: none";
        }
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return description + "; class data: " + archive;
        }
        try (java.util.stream.Stream<String> lines = Files.lines(maps)) {
            boolean mapped = lines.anyMatch(line -> line.endsWith(" " + archive));
            return description + "; class data: " + archive + (mapped ? " (mapped)" : " (not used)");
        } catch (IOException | java.io.UncheckedIOException e) {
            return description + "; class data: " + archive;
        }
    }

    /**
     * The tuned JVM's command line, or empty when this JVM stays as it is (always when
     * {@code jar}, this tool's own jar, is empty).
     */
    static Optional<List<String>> command(String[] args, Map<String, String> environment, Optional<Path> jar) {
        if (System.getProperty(PROPERTY) != null || environment.containsKey("JDK_JAVA_OPTIONS")
                || environment.containsKey("JAVA_TOOL_OPTIONS")) {
            return Optional.empty();
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        if (self.command().isEmpty() || self.arguments().isEmpty() || jar.isEmpty()) {
            return Optional.empty();
        }
        String[] arguments = self.arguments().get();
        // exactly "java -jar <this jar> args...": no JVM option of the user's to keep or lose
        if (arguments.length < 2 || !arguments[0].equals("-jar") || arguments.length - 2 != args.length) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(self.command().get());
        command.addAll(OPTIONS);
        command.add("-D" + PROPERTY + "=tuned");
        command.add("-jar");
        command.add(jar.get().toString());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /**
     * {@code command} with the class-data archive's options after the tool's own. Only a run
     * (or the demo) may write the archive: an archive written by {@code --help} would hold few of
     * the classes a run loads.
     */
    static List<String> withClassData(List<String> command, String[] args, Optional<ClassDataArchive> classData) {
        if (classData.isEmpty()) {
            return command;
        }
        boolean runs = args.length > 0 && (args[0].equals("run") || args[0].equals("demo"));
        List<String> extended = new ArrayList<>(command);
        extended.addAll(1 + OPTIONS.size(), classData.get().jvmOptions(runs));
        return extended;
    }

    private static Optional<Path> ownJar() {
        try {
            Path location = Path.of(TunedJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
