package io.winrminvoke.engine;

import java.util.Map;
import java.util.Set;

/**
 * What the options are called where the user set them. Messages of a run (a refused certificate,
 * a port answered in the wrong scheme, a tripped credentials breaker) tell which option fixes the
 * problem; the CLI calls it {@code --ca-file}, the Jenkins step {@code caCertificate}, so the
 * engine names its setting and the front end's labels decide the words.
 *
 * <p>Settings named in messages: {@link #SETTINGS}.
 */
public final class OptionLabels {

    /** Every setting a message of a run names through {@link #of(String)}: what a front end's labels should cover. */
    public static final Set<String> SETTINGS = Set.of("https", "port", "trustedCaPem", "authFailureLimit");

    /** The engine's own names (a library user sees the builder methods). */
    public static final OptionLabels ENGINE = new OptionLabels(Map.of());

    private final Map<String, String> labels;

    private OptionLabels(Map<String, String> labels) {
        this.labels = Map.copyOf(labels);
    }

    /** @param labels the front end's label for each engine setting; settings left out keep their engine name */
    public static OptionLabels of(Map<String, String> labels) {
        return new OptionLabels(labels);
    }

    /** The label of {@code setting}, or the setting's own name when the front end gave none. */
    public String of(String setting) {
        return labels.getOrDefault(setting, setting);
    }
}
