package io.winrminvoke.engine.winrm.protocol;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real Windows messages recorded by pywinrm and masterzen/winrm, read from their Debian
 * packages at test time (never copied into this repository). Tests skip when a package is absent.
 */
final class RecordedWindowsMessages {

    private static final Path PYWINRM_CONFTEST = Path.of("/usr/lib/python3/dist-packages/winrm/tests/conftest.py");
    private static final Path MASTERZEN_FIXTURES =
            Path.of("/usr/share/gocode/src/github.com/masterzen/winrm/fixture_test.go");

    private RecordedWindowsMessages() {
    }

    /** A {@code name = """\ ... """} literal of pywinrm's conftest.py. */
    static String pywinrm(String name) {
        return literal(PYWINRM_CONFTEST, Pattern.compile(Pattern.quote(name) + " = \"\"\"\\\\\\n(.*?)\"\"\"", Pattern.DOTALL));
    }

    /** A {@code name = `...`} raw string of masterzen/winrm's fixture_test.go. */
    static String masterzen(String name) {
        return literal(MASTERZEN_FIXTURES, Pattern.compile("\\b" + Pattern.quote(name) + " = `(.*?)`", Pattern.DOTALL));
    }

    private static String literal(Path file, Pattern pattern) {
        assumeTrue(Files.isReadable(file), file + " is not installed (Debian packages python3-winrm, "
                + "golang-github-masterzen-winrm-dev)");
        try {
            Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (!matcher.find()) {
                throw new IllegalStateException(pattern + " not found in " + file);
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
