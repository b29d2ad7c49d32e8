package io.winrminvoke.invocation;

import io.winrminvoke.engine.rollout.RolloutPolicy;
import java.io.Serializable;
import java.util.Map;

/**
 * The step's rollout options (docs/rollout.md) as plain values: wave sizes as the engine's text
 * form ({@code 1,10%,100%}; the Pipeline list form is joined by the descriptor), the failure
 * budget, fail-fast, and the dry run.
 */
public record RolloutSettings(String waves, String maxFailures, boolean failFast, boolean dryRun) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** @throws io.winrminvoke.engine.InvalidInputException naming the option */
    public RolloutPolicy policy() {
        return RolloutPolicy.of(waves, maxFailures, failFast);
    }

    public void describe(RolloutPolicy policy, Map<String, Object> effective) {
        effective.put("waves", policy.waves().isEmpty() ? null : policy.wavesText());
        effective.put("maxFailures", policy.maxFailures() == null ? null : policy.maxFailures().toString());
        effective.put("failFast", failFast);
    }
}
