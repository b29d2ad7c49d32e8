package io.winrminvoke.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CLI's jar started as users start it: a plain {@code java -jar} runs the tool in a JVM with
 * its own options (docs/cli.md#jvm-options); a start with JVM options of the user's is left alone.
 * Here, not in the cli module: it needs the packaged jar.
 */
class CliJvmOptionsTest {

    private static final String JAR = System.getProperty("bench.cliJar");

    private record Outcome(int status, String output) { }

    private static Outcome java(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(List.of(arguments));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
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
}
