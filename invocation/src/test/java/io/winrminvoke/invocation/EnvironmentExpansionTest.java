package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EnvironmentExpansionTest {

    /** A stand-in for the build's EnvVars#expand: $HOSTS, ${VERSION} and $Name known. */
    private static final UnaryOperator<String> ENV = s -> s
            .replace("${VERSION}", "1.2.3").replace("$HOSTS", "web1\nweb2").replace("$Name", "EXPANDED");

    @Test
    void textOptionsAreExpandedButThePowerShellBodyIsNot() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("hosts", "$HOSTS");
        args.put("credentialsId", "winrm");
        args.put("powershell", "param($Name) Write-Output $Name ${VERSION}");
        args.put("arguments", "Version=${VERSION}");
        args.put("reportDir", "reports/${VERSION}");
        args.put("throttle", 4);
        args.put("https", true);

        Map<String, Object> expanded = EnvironmentExpansion.expand(args, ENV);

        assertThat(expanded).containsEntry("hosts", "web1\nweb2")
                .containsEntry("arguments", "Version=1.2.3")
                .containsEntry("reportDir", "reports/1.2.3")
                .containsEntry("powershell", "param($Name) Write-Output $Name ${VERSION}")
                .containsEntry("throttle", 4)
                .containsEntry("https", true);
        assertThat(expanded.keySet()).containsExactlyElementsOf(args.keySet());
        assertThat(args).containsEntry("hosts", "$HOSTS");
    }

    @Test
    void stringsInsideListsAndMapsAreExpanded() {
        Map<String, Object> args = Map.of("hosts", List.of("$HOSTS", "db1"), "arguments", Map.of("V", "${VERSION}"));

        Map<String, Object> expanded = EnvironmentExpansion.expand(args, ENV);

        assertThat(expanded.get("hosts")).isEqualTo(List.of("web1\nweb2", "db1"));
        assertThat(expanded.get("arguments")).isEqualTo(Map.of("V", "1.2.3"));
    }

    @Test
    void aCredentialsParameterReferenceIsLeftForTheCredentialsLookupAndAnyOtherIdIsExpanded() {
        UnaryOperator<String> env = s -> s.replace("${LOGIN}", "alice-own").replace("${KEYTAB}", "kt-own")
                .replace("${TEAM}", "ops");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("credentialsId", " ${LOGIN} ");
        args.put("keytabCredentialsId", "${KEYTAB}");
        args.put("reportDir", "${LOGIN}");

        Map<String, Object> asParameters = EnvironmentExpansion.expand(args, env, Set.of("LOGIN", "KEYTAB")::contains);

        assertThat(asParameters).containsEntry("credentialsId", " ${LOGIN} ")
                .containsEntry("keytabCredentialsId", "${KEYTAB}")
                .containsEntry("reportDir", "alice-own");

        Map<String, Object> asVariables = EnvironmentExpansion.expand(args, env, Set.of("OTHER")::contains);
        assertThat(asVariables).containsEntry("credentialsId", " alice-own ").containsEntry("keytabCredentialsId", "kt-own");

        Map<String, Object> partly = EnvironmentExpansion.expand(Map.of("credentialsId", "winrm-${TEAM}"), env,
                Set.of("TEAM")::contains);
        assertThat(partly).containsEntry("credentialsId", "winrm-ops");
    }
}
