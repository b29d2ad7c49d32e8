package io.winrminvoke.engine.winrm.session;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.winrm.ConnectionSettings;
import java.time.Duration;

/** Rejects settings a client cannot work with, naming the setting, the value and what is allowed. */
final class ConnectionSettingsCheck {

    private ConnectionSettingsCheck() {
    }

    static void validate(ConnectionSettings settings) {
        if (settings.host().isBlank()) {
            throw new IllegalArgumentException("host: must not be blank");
        }
        if (settings.port() < 1 || settings.port() > 65535) {
            throw new IllegalArgumentException("port: " + settings.port() + " is not a TCP port (allowed: 1-65535)");
        }
        if (settings.user().isBlank()) {
            throw new IllegalArgumentException("user: must not be blank");
        }
        positive("connectTimeout", settings.connectTimeout());
        positive("operationTimeout", settings.operationTimeout());
        if (settings.codepage() < 0) {
            throw new IllegalArgumentException("codepage: " + settings.codepage()
                    + " is not a Windows codepage (allowed: a positive number such as 65001, or 0 for the default 65001)");
        }
        try {
            settings.auth().check(settings.user(), settings.password() != null, settings.https());
            settings.auth().checkTarget(settings.user(), settings.host());
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + ": " + value + " must be positive");
        }
    }
}
