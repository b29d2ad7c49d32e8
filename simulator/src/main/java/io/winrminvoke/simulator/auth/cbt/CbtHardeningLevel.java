package io.winrminvoke.simulator.auth.cbt;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * WinRM's {@code Service/Auth/CbtHardeningLevel}: how an HTTPS listener treats the channel binding
 * token (tls-server-end-point) a Negotiate client sends. Over plain HTTP there is no channel to bind.
 */
public enum CbtHardeningLevel {
    /** Bindings are not checked at all. */
    NONE("none"),
    /** Windows' default: a client without bindings is accepted, one with wrong bindings refused. */
    RELAXED("relaxed"),
    /** Bindings are required and must match this connection's certificate. */
    STRICT("strict");

    private final String jsonName;

    CbtHardeningLevel(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The level named {@code value} ({@code none}, {@code relaxed}, {@code strict}, any case), or an error naming {@code option}. */
    public static CbtHardeningLevel parse(String value, String option) {
        for (CbtHardeningLevel level : values()) {
            if (level.jsonName.equalsIgnoreCase(String.valueOf(value))) {
                return level;
            }
        }
        throw new IllegalArgumentException(option + ": '" + value + "' is not a CbtHardeningLevel; allowed: "
                + Arrays.stream(values()).map(CbtHardeningLevel::jsonName).collect(Collectors.joining(", ")));
    }

    /**
     * Whether a client presenting {@code presented} (null or all zeros: none sent) is accepted on a
     * connection whose bindings hash is {@code expected} (null: plain HTTP, nothing to bind to).
     */
    public boolean accepts(byte[] expected, byte[] presented) {
        if (expected == null || this == NONE) {
            return true;
        }
        boolean absent = presented == null || Arrays.equals(presented, new byte[presented.length]);
        if (absent) {
            return this == RELAXED;
        }
        return Arrays.equals(expected, presented);
    }
}
