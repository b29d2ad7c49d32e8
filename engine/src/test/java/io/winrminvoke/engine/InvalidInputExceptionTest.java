package io.winrminvoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void settingNamesAreReplacedAsWholeWordsWhereverTheMessageQuotesThem() {
        InvalidInputException engine = new InvalidInputException("basicOverHttp: applies only to plain HTTP; "
                + "see basicOverHttpX and kerberosKeytab");

        InvalidInputException renamed = engine.renamed(Map.of("basicOverHttp", "allowUnencrypted",
                "kerberosKeytab", "keytabCredentialsId"));

        assertThat(renamed).hasMessage("allowUnencrypted: applies only to plain HTTP; see basicOverHttpX and "
                + "keytabCredentialsId");
        assertThat(renamed.getCause()).isSameAs(engine);
    }

    @Test
    void aMessageNamingNoneOfTheSettingsIsKeptAsItIs() {
        InvalidInputException engine = InvalidInputException.forOption("throttle", 0, "allowed 1..4096");

        assertThat(engine.renamed(Map.of("basicOverHttp", "allowUnencrypted"))).isSameAs(engine);
    }
}
