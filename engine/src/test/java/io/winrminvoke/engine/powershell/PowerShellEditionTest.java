package io.winrminvoke.engine.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.options.InvalidInputException;
import org.junit.jupiter.api.Test;

class PowerShellEditionTest {

    @Test
    void editionIsParsedFromTheNamesUsersType() {
        assertThat(PowerShellEdition.parse("powershell", "--edition")).isEqualTo(PowerShellEdition.WINDOWS_POWERSHELL);
        assertThat(PowerShellEdition.parse("Windows_PowerShell", "--edition"))
                .isEqualTo(PowerShellEdition.WINDOWS_POWERSHELL);
        assertThat(PowerShellEdition.parse(" PWSH.exe ", "--edition")).isEqualTo(PowerShellEdition.PWSH);
    }

    @Test
    void unknownEditionIsRejectedNamingTheOptionAndTheValue() {
        assertThatThrownBy(() -> PowerShellEdition.parse("bash", "--edition"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--edition: invalid value 'bash': powershell (Windows PowerShell 5.1) or pwsh (PowerShell 7)");
    }
}
