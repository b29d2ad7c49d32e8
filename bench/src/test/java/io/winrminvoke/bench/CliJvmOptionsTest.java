package io.winrminvoke.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's jar started as users start it: a plain {@code java -jar} runs the tool in a JVM with
 * its own options (docs/cli.md#jvm-options); a start with JVM options of the user's is left alone.
 * Here, not in the cli module: it needs the packaged jar.
 */
class CliJvmOptionsTest {

    private static final String JAR = System.getProperty("bench.cliJar");

    /** The user's cache (the class-data archive's home) of every JVM started here: never the real one. */
    @TempDir
    Path cache;

    private record Outcome(int status, String output) { }

    private Outcome java(String... arguments) throws IOException, InterruptedException {
        return java(Map.of(), arguments);
    }

    private Outcome java(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(List.of(arguments));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("WINRM_INVOKE_CDS");
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().putAll(environment);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(p.waitFor(), output);
    }

    @Test
    void aPlainJavaJarRunsWithTheToolsJvmOptions() throws Exception {
        Outcome version = java("-jar", JAR, "--version");

        assertThat(version.status()).isZero();
        assertThat(version.output()).contains("options: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    }

    @Test
    void jvmOptionsOfTheUsersOwnOrTheOptOutLeaveTheJvmAsStarted() throws Exception {
        assertThat(java("-Xmx300m", "-jar", JAR, "--version").output()).contains("options as started");
        assertThat(java("-Dwinrm-invoke.jvm=as-started", "-jar", JAR, "--version").output())
                .contains("options as started");
    }

    @Test
    void theTunedJvmsExitStatusAndOutputAreTheTools() throws Exception {
        Outcome invalid = java("-jar", JAR, "run", "--host", "web01", "--user", "u", "--password-env", "UNSET_VARIABLE_42",
                "--command", "rem x");

        assertThat(invalid.status()).isEqualTo(2);
        assertThat(invalid.output()).contains("--password-env").contains("UNSET_VARIABLE_42");
    }

    @Test
    void theFirstRunWritesAClassDataArchiveThatTheNextStartMaps(@TempDir Path reports) throws Exception {
        Outcome fresh = java("-jar", JAR, "--version");
        assertThat(fresh.output()).contains("class data: none");

        Outcome demo = java("-jar", JAR, "demo", "--quiet", "--report-dir", reports.toString());
        assertThat(demo.status()).as(demo.output()).isZero();
        assertThat(demo.output()).doesNotContain("[cds]").doesNotContain("warning");

        Path directory = cache.resolve("winrm-invoke/cds");
        assertThat(files(directory)).singleElement().satisfies(name -> assertThat(name).endsWith(".jsa"));
        Outcome next = java("-jar", JAR, "--version");
        assertThat(next.output()).contains("class data: " + directory.resolve(files(directory).get(0)) + " (mapped)");
    }

    @Test
    void theOptOutWritesNoArchive(@TempDir Path reports) throws Exception {
        Outcome demo = java(Map.of("WINRM_INVOKE_CDS", "off"), "-jar", JAR, "demo", "--quiet", "--report-dir",
                reports.toString());

        assertThat(demo.status()).as(demo.output()).isZero();
        assertThat(cache.resolve("winrm-invoke")).doesNotExist();
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
