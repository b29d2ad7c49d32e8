package io.winrminvoke.simulator.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the top-level string constants assigned in pywinrm's conftest.py (triple-quoted) and
 * masterzen/winrm's fixture_test.go (backquoted raw strings). Only the two literal forms those
 * files use are understood; anything needing escape processing is refused rather than guessed.
 */
final class SourceStringLiterals {

    // name = """\<newline>...""" : the backslash continues the line, so the text starts after it
    private static final Pattern PYTHON_TRIPLE_QUOTED =
            Pattern.compile("^(\\w+)\\s*=\\s*\"\"\"(\\\\\\n)?(.*?)\"\"\"", Pattern.MULTILINE | Pattern.DOTALL);

    // name = `...` : Go raw strings have no escapes at all
    private static final Pattern GO_RAW_STRING =
            Pattern.compile("^\\s*(\\w+)\\s*=\\s*`([^`]*)`", Pattern.MULTILINE);

    private SourceStringLiterals() {
    }

    static List<SourceStringLiteral> fromPython(Path file) {
        String source = read(file);
        List<SourceStringLiteral> found = new ArrayList<>();
        Matcher m = PYTHON_TRIPLE_QUOTED.matcher(source);
        while (m.find()) {
            String text = m.group(3);
            if (text.indexOf('\\') >= 0) {
                throw new IllegalStateException(file + " " + m.group(1)
                        + " contains a backslash escape; this reader does not interpret Python escapes");
            }
            found.add(new SourceStringLiteral(file.getFileName().toString(), m.group(1), text));
        }
        return found;
    }

    static List<SourceStringLiteral> fromGo(Path file) {
        String source = read(file);
        List<SourceStringLiteral> found = new ArrayList<>();
        Matcher m = GO_RAW_STRING.matcher(source);
        while (m.find()) {
            found.add(new SourceStringLiteral(file.getFileName().toString(), m.group(1), m.group(2)));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
