package io.winrminvoke.engine.winrm.protocol;

/** Signal codes of the WinRS Signal operation. */
public enum ShellSignal {
    TERMINATE("terminate"),
    CTRL_C("ctrl_c"),
    CTRL_BREAK("ctrl_break");

    private final String uri;

    ShellSignal(String name) {
        this.uri = Namespaces.SHELL + "/signal/" + name;
    }

    public String uri() {
        return uri;
    }
}
