package io.winrminvoke.engine.powershell;

/** Which PowerShell runs the script on the host. */
public enum PowerShellEdition {
    /** Windows PowerShell 5.1, present on every supported Windows. */
    WINDOWS_POWERSHELL("powershell.exe"),
    /** PowerShell 7+, installed separately; must be on the host's PATH. */
    PWSH("pwsh.exe");

    private final String executable;

    PowerShellEdition(String executable) {
        this.executable = executable;
    }

    /** The program started on the host. */
    public String executable() {
        return executable;
    }
}
