package io.winrminvoke.invocation;

import io.winrminvoke.engine.OptionLabels;
import java.util.Map;

/**
 * The step's names for the engine settings a run's messages name ({@link OptionLabels#SETTINGS}),
 * so a refused certificate reads "give the CA ... with caCertificate", not the CLI's
 * {@code --ca-file}. The step calls {@code https}, {@code port} and {@code authFailureLimit} as the
 * engine does; they are listed so every setting has its step name here.
 */
public final class StepOptionLabels {

    /** Engine setting to the step's option. */
    public static final Map<String, String> BY_SETTING = Map.of(
            "trustedCaPem", "caCertificate",
            "https", "https",
            "port", "port",
            "authFailureLimit", "authFailureLimit");

    public static final OptionLabels LABELS = OptionLabels.of(BY_SETTING);

    /**
     * Engine setting names that invalid-input messages quote, as the step calls the option
     * ({@code InvalidInputException#renamed}): {@code retryBackoff: 0.5} is refused as
     * {@code retryBackoff: invalid value '0.5'}, not by the retry policy's {@code multiplier}.
     */
    public static final Map<String, String> IN_INPUT_MESSAGES = Map.of(
            "basicOverHttp", "allowUnencrypted",
            "kerberosKeytab", "keytabCredentialsId",
            "overallTimeout", "timeout",
            "initialDelay", "retryDelay",
            "multiplier", "retryBackoff",
            "maxDelay", "maxRetryDelay");

    private StepOptionLabels() {
    }
}
