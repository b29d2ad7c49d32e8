package io.winrminvoke.simulator.fidelity;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of src/test/python with Debian's /usr/bin/python3 (never a pip install), so the
 * pywinrm under test is exactly the packaged one CI installs.
 */
final class SystemPython {

    /** What the script printed and how it ended. */
    record Outcome(int exitStatus, String stdout, String stderr) {
    }

    private static final List<String> PROXY_VARIABLES =
            List.of("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY");

    private SystemPython() {
    }

    /** Fails (never skips) when pywinrm is absent: CI must install it, it is not optional. */
    static void requirePywinrm() {
        if (!Files.isExecutable(DebianRecordingFiles.SYSTEM_PYTHON)) {
            fail(DebianRecordingFiles.SYSTEM_PYTHON + " is missing; install Debian's python3 and: "
                    + DebianRecordingFiles.APT_INSTALL_LINE);
        }
        DebianRecordingFiles.require(DebianRecordingFiles.PYWINRM_PROTOCOL, "python3-winrm");
    }

    static Path script(String fileName) {
        // surefire runs in the module directory and sets basedir to it
        Path script = Path.of(System.getProperty("basedir", "."), "src", "test", "python", fileName);
        if (!Files.isRegularFile(script)) {
            fail("test script not found: " + script.toAbsolutePath());
        }
        return script;
    }

    static Outcome run(Path script, String stdin, Duration timeout) {
        return run(script, stdin, timeout, Map.of());
    }

    /**
     * The environment an NTLM client (ntlm-auth) needs under OpenSSL 3: MD4 lives in the legacy
     * provider, which Debian ships but does not load.
     */
    static Map<String, String> md4Enabled() {
        return Map.of("OPENSSL_CONF", script("openssl-legacy.cnf").toAbsolutePath().toString());
    }

    static Outcome run(Path script, String stdin, Duration timeout, Map<String, String> extraEnvironment) {
        // -I: ignore PYTHON* variables and the user's site-packages; -B: write no __pycache__ into src/
        ProcessBuilder builder = new ProcessBuilder(DebianRecordingFiles.SYSTEM_PYTHON.toString(), "-I", "-B",
                script.toAbsolutePath().toString());
        Map<String, String> environment = builder.environment();
        // requests honours proxy variables; the simulator is on loopback and must be reached directly
        PROXY_VARIABLES.forEach(environment::remove);
        environment.put("NO_PROXY", "127.0.0.1,localhost");
        environment.put("no_proxy", "127.0.0.1,localhost");
        environment.put("PYTHONIOENCODING", "utf-8");
        environment.putAll(extraEnvironment);
        try {
            Process process = builder.start();
            CompletableFuture<String> stdout = readAll(process.getInputStream());
            CompletableFuture<String> stderr = readAll(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail(script.getFileName() + " did not finish within " + timeout + "; stderr so far:\n" + stderr.getNow(""));
            }
            return new Outcome(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    // a thread of its own per stream: the common pool may have a single thread on 2 cores, and
    // one blocked reader must not stop the other pipe from draining
    private static CompletableFuture<String> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(could not read: " + e.getMessage() + ")";
            }
        }, task -> {
            Thread reader = new Thread(task, "python-output-reader");
            reader.setDaemon(true);
            reader.start();
        });
    }
}
