package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.winrm.transport.auth.ChannelBindings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NtlmCredentialsTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {
        "CORP\\alice         | CORP | alice",
        "corp.example\\alice | corp.example | alice",
        "alice@corp.example  | ''   | alice@corp.example",
        "alice               | ''   | alice",
        ".\\Administrator    | .    | Administrator",
    })
    void userFormsWindowsTakes(String given, String domain, String user) {
        NtlmCredentials credentials = NtlmCredentials.parse(given, "pw");

        assertThat(credentials.domain()).isEqualTo(domain);
        assertThat(credentials.user()).isEqualTo(user);
        assertThat(credentials.password()).isEqualTo("pw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "CORP\\", "\\alice", "CORP\\alice\\x", "@corp.example", "alice@"})
    void malformedUserIsNamedWithTheFormsAllowed(String given) {
        assertThatThrownBy(() -> NtlmCredentials.parse(given, "pw"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("user: invalid value '" + given + "'")
                .hasMessageContaining("DOMAIN\\user, user@domain.example, .\\user or user");
    }

    @Test
    void missingPasswordIsNamed() {
        assertThatThrownBy(() -> NtlmCredentials.parse("CORP\\alice", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("password: missing");
    }

    @Test
    void passwordNeverInToString() {
        NtlmCredentials credentials = NtlmCredentials.parse("CORP\\alice", "Sup3r-s3cret");

        assertThat(credentials.toString()).contains("CORP", "alice").doesNotContain("Sup3r-s3cret");
        assertThat(NtlmContext.client(credentials, "HTTP/host", ChannelBindings.NONE).toString()).doesNotContain("Sup3r-s3cret");
    }
}
