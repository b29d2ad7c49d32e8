package io.winrminvoke.simulator.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The scenario's older {@code auth} key: {@code negotiate-only} is {@code "basic": false}. */
public enum AuthMode {
    /** Basic with the configured user and password (the simulator's default). */
    BASIC("basic"),
    /** Windows' default: Basic disabled, every request answered 401 advertising only Negotiate. */
    NEGOTIATE_ONLY("negotiate-only");

    private final String jsonName;

    AuthMode(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    static AuthMode fromJson(String value, String key) {
        for (AuthMode mode : values()) {
            if (mode.jsonName.equals(value)) {
                return mode;
            }
        }
        throw new ScenarioException(key + ": '" + value + "' is not an auth mode; allowed: "
                + Arrays.stream(values()).map(AuthMode::jsonName).collect(Collectors.joining(", ")));
    }
}
