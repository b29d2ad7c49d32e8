package io.winrminvoke.engine.powershell;

import io.winrminvoke.engine.options.InvalidInputException;
import java.util.Locale;

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

    /**
     * The edition a user named, for the CLI and the plugin alike: {@code powershell} (or
     * {@code windows-powershell}) and {@code pwsh}, in any case, with or without {@code .exe}.
     *
     * @throws InvalidInputException naming {@code option}, the value and what is allowed
     */
    public static PowerShellEdition parse(String value, String option) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        v = v.endsWith(".exe") ? v.substring(0, v.length() - 4) : v;
        return switch (v) {
            case "powershell", "windows-powershell" -> WINDOWS_POWERSHELL;
            case "pwsh" -> PWSH;
            default -> throw InvalidInputException.forOption(option, value,
                    "powershell (Windows PowerShell 5.1) or pwsh (PowerShell 7)");
        };
    }
}
