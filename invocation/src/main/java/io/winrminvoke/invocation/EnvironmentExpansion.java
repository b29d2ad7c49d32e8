package io.winrminvoke.invocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The freestyle build step's environment expansion ({@code $HOSTS}, {@code ${VERSION}}): every
 * text option is expanded with the build's variables, except the PowerShell script, where
 * {@code $name} is PowerShell's own variable syntax and must reach the host unchanged. Values
 * for a script come in through {@code arguments}, which is expanded. Pipeline needs none of
 * this: Groovy interpolates before the step sees its arguments.
 *
 * <p>A credentials id that is exactly {@code ${NAME}} of a credentials parameter of the build is
 * the one exception: it reaches the credentials lookup unexpanded, which resolves the parameter
 * itself and may then use the triggering user's own credentials (the Credentials plugin's
 * {@code CredentialsProvider.findCredentialById}); expanded to the bare id, such a credential
 * would not be found.
 */
public final class EnvironmentExpansion {

    /** Options passed through verbatim. */
    public static final Set<String> NEVER_EXPANDED = Set.of("powershell");

    /** Options holding a credentials id. */
    public static final Set<String> CREDENTIAL_IDS = Set.of("credentialsId", "keytabCredentialsId");

    private static final Pattern PARAMETER_REFERENCE = Pattern.compile("\\$\\{([^{}]+)}");

    private EnvironmentExpansion() {
    }

    /**
     * @param arguments the step's options by name (as structs uninstantiates them); not changed
     * @param expander  the build's expansion, e.g. {@code EnvVars::expand}
     * @return a copy with every string, and every string inside a list or map, expanded
     */
    public static Map<String, Object> expand(Map<String, ?> arguments, UnaryOperator<String> expander) {
        return expand(arguments, expander, parameter -> false);
    }

    /**
     * @param isCredentialsParameter whether the build has a credentials parameter of this name
     * @see #expand(Map, UnaryOperator)
     */
    public static Map<String, Object> expand(Map<String, ?> arguments, UnaryOperator<String> expander,
                                             Predicate<String> isCredentialsParameter) {
        Map<String, Object> expanded = new LinkedHashMap<>();
        arguments.forEach((name, value) -> {
            boolean verbatim = NEVER_EXPANDED.contains(name)
                    || CREDENTIAL_IDS.contains(name) && namesCredentialsParameter(value, isCredentialsParameter);
            expanded.put(name, verbatim ? value : expandValue(value, expander));
        });
        return expanded;
    }

    private static boolean namesCredentialsParameter(Object value, Predicate<String> isCredentialsParameter) {
        if (!(value instanceof String s)) {
            return false;
        }
        Matcher m = PARAMETER_REFERENCE.matcher(s.trim());
        return m.matches() && isCredentialsParameter.test(m.group(1));
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
