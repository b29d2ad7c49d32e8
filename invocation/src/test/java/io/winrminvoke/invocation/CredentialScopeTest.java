package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.targets.TargetParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialScopeTest {

    private static List<String> uris(RunOptions options, String... hosts) {
        return CredentialScope.uris(TargetParser.parseLines(List.of(hosts), "hosts").targets(), options);
    }

    @Test
    void eachHostIsNamedWithTheSchemeAndPortItIsReachedAt() {
        assertThat(uris(RunOptions.builder().build(), "web1", "web2:8080", "[fd00::1]:5985", "ssh://db1"))
                .containsExactly("http://web1:5985", "http://web2:8080", "http://[fd00::1]:5985", "ssh://db1:22");
        assertThat(uris(RunOptions.builder().https(true).build(), "web1"))
                .containsExactly("https://web1:5986");
        assertThat(uris(RunOptions.builder().https(true).port(15986).build(), "web1", "web2:443"))
                .containsExactly("https://web1:15986", "https://web2:443");
    }

    @Test
    void aHostListedTwiceIsOneUri() {
        assertThat(uris(RunOptions.builder().build(), "web1", "web1:5985")).containsExactly("http://web1:5985");
    }
}
