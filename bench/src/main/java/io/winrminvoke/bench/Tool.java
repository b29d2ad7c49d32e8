package io.winrminvoke.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A client compared: our CLI (as {@code java -jar}, or another way of starting it given with
 * {@code --engine-variant}) or pywinrm.
 *
 * @param label  the table's name for it
 * @param launch for our CLI, the command that starts it, before the {@code run} arguments; empty for pywinrm
 */
record Tool(String label, List<String> launch) {

    /** Debian's python3-winrm 0.3.0 under /usr/bin/python3: a thread pool, one Session per host, run_cmd. */
    static final Tool PYWINRM = new Tool("pywinrm", List.of());
    static final String ENGINE_LABEL = "winrm-invoke";

    Tool {
        launch = List.copyOf(launch);
    }

    /** Our CLI: {@code java -jar winrm-invoke.jar run}, a fresh JVM per run, as users start it. */
    static Tool engine(Path cliJar) {
        return new Tool(ENGINE_LABEL, List.of("java", "-jar", cliJar.toString()));
    }

    /** {@code LABEL=COMMAND ...} (split at spaces), e.g. {@code script=cli/target/bin/winrm-invoke}. */
    static Tool variant(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1 || spec.substring(eq + 1).isBlank()) {
            throw new IllegalArgumentException("--engine-variant: invalid value '" + spec
                    + "': allowed LABEL=COMMAND, e.g. script=cli/target/bin/winrm-invoke");
        }
        String label = spec.substring(0, eq);
        if (label.equals(ENGINE_LABEL) || label.equals(PYWINRM.label())) {
            throw new IllegalArgumentException("--engine-variant: invalid value '" + spec + "': the label "
                    + label + " is taken");
        }
        return new Tool(label, Arrays.asList(spec.substring(eq + 1).trim().split(" +")));
    }

    boolean isEngine() {
        return !launch.isEmpty();
    }
}
