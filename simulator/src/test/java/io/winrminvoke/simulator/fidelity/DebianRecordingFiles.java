package io.winrminvoke.simulator.fidelity;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Debian installs the real Windows WinRM exchanges we compare the simulator with. They are
 * read from the installed packages at test time and never copied into this repository.
 */
final class DebianRecordingFiles {

    /** The packages CI must install; a missing one fails the build rather than skipping it. */
    static final String APT_INSTALL_LINE = "apt-get install -y python3-winrm golang-github-masterzen-winrm-dev";

    /** pywinrm's recorded Windows responses and the requests pywinrm sends (package python3-winrm). */
    static final Path PYWINRM_CONFTEST = Path.of("/usr/lib/python3/dist-packages/winrm/tests/conftest.py");

    /** masterzen/winrm's recorded Windows responses, including a real TimedOut fault. */
    static final Path MASTERZEN_FIXTURE =
            Path.of("/usr/share/gocode/src/github.com/masterzen/winrm/fixture_test.go");

    static final Path PYWINRM_PROTOCOL = Path.of("/usr/lib/python3/dist-packages/winrm/protocol.py");

    static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    private DebianRecordingFiles() {
    }

    /** Fails (never skips) with the apt line that fixes it, because CI relies on these files. */
    static Path require(Path file, String debianPackage) {
        if (!Files.isRegularFile(file)) {
            fail(file + " is missing: the fidelity tests need Debian's " + debianPackage
                    + " package (it is not optional). Install it: apt-get install " + debianPackage
                    + " (CI installs both with: " + APT_INSTALL_LINE + ")");
        }
        return file;
    }
}
