package io.winrminvoke.engine.winrm;

import io.winrminvoke.engine.InvalidInputException;
import java.util.Locale;

/**
 * The service class of the SPN a Kerberos ticket is asked for. Windows registers {@code HTTP/host}
 * (through {@code HOST/host}) for every computer; {@code WSMAN/host} is registered by WinRM itself
 * and is what some hardened domains map instead.
 */
public enum SpnService {
    HTTP,
    WSMAN;

    /**
     * @throws InvalidInputException naming the option, the value and the allowed values
     */
    public static SpnService parse(String value, String option) {
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (SpnService service : values()) {
            if (service.name().equals(wanted)) {
                return service;
            }
        }
        throw InvalidInputException.forOption(option, value, "allowed HTTP, WSMAN");
    }
}
