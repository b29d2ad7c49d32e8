package io.winrminvoke.invocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The freestyle build step's environment expansion ({@code $HOSTS}, {@code ${VERSION}}): every
 * text option is expanded with the build's variables, except the PowerShell script, where
 * {@code $name} is PowerShell's own variable syntax and must reach the host unchanged. Values
 * for a script come in through {@code arguments}, which is expanded. Pipeline needs none of
 * this: Groovy interpolates before the step sees its arguments.
 */
public final class EnvironmentExpansion {

    /** Options passed through verbatim. */
    public static final Set<String> NEVER_EXPANDED = Set.of("powershell");

    private EnvironmentExpansion() {
    }

    /**
     * @param arguments the step's options by name (as structs uninstantiates them); not changed
     * @param expander  the build's expansion, e.g. {@code EnvVars::expand}
     * @return a copy with every string, and every string inside a list or map, expanded
     */
    public static Map<String, Object> expand(Map<String, ?> arguments, UnaryOperator<String> expander) {
        Map<String, Object> expanded = new LinkedHashMap<>();
        arguments.forEach((name, value) ->
                expanded.put(name, NEVER_EXPANDED.contains(name) ? value : expandValue(value, expander)));
        return expanded;
    }

    private static Object expandValue(Object value, UnaryOperator<String> expander) {
        if (value instanceof String s) {
            return expander.apply(s);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(expandValue(v, expander)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, expandValue(v, expander)));
            return out;
        }
        return value;
    }
}
