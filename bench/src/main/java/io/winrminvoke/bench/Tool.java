package io.winrminvoke.bench;

/** The two clients compared. */
enum Tool {
    /** Our CLI: {@code java -jar winrm-invoke.jar run}, a fresh JVM per run, default JVM options. */
    ENGINE("winrm-invoke"),
    /** Debian's python3-winrm 0.3.0 under /usr/bin/python3: a thread pool, one Session per host, run_cmd. */
    PYWINRM("pywinrm");

    private final String label;

    Tool(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
