package io.winrminvoke.engine.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * One {@link OpenSshServer} for a test class. When sshd cannot run here, every test of the class
 * is reported as skipped with the reason (an aborted {@code @BeforeAll} would hide the tests and
 * the reason from Maven's summary).
 */
public final class OpenSshExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** Prepares the server's directory (e.g. writes a ForceCommand script) before sshd starts. */
    @FunctionalInterface
    public interface Preparation {
        void prepare(Path dir) throws IOException;
    }

    private final int ports;
    private final Preparation preparation;
    private final String[] extraConfig;
    private Path dir;
    private OpenSshServer server;
    private String unavailable;

    private OpenSshExtension(int ports, Preparation preparation, String... extraConfig) {
        this.ports = ports;
        this.preparation = preparation;
        this.extraConfig = extraConfig;
    }

    public static OpenSshExtension withPorts(int ports) {
        return new OpenSshExtension(ports, dir -> { });
    }

    /** @param extraConfig sshd_config lines; {@code {dir}} stands for the server's directory */
    public static OpenSshExtension withConfig(int ports, Preparation preparation, String... extraConfig) {
        return new OpenSshExtension(ports, preparation, extraConfig);
    }

    public OpenSshServer server() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("winrm-invoke-sshd-");
        preparation.prepare(dir);
        String[] config = Stream.of(extraConfig).map(line -> line.replace("{dir}", dir.toString()))
                .toArray(String[]::new);
        try {
            server = OpenSshServer.start(dir, ports, config);
        } catch (TestAbortedException e) {
            unavailable = e.getMessage();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            throw new TestAbortedException(unavailable); // the message already says "Assumption failed: ..."
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
