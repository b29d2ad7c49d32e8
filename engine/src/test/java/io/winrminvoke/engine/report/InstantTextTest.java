package io.winrminvoke.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    @Test
    void writesWhatInstantToStringWritesForEveryPrecisionAndYear() {
        InstantText text = new InstantText();
        byte[] out = new byte[InstantText.MAX_LENGTH];
        for (Instant when : new Instant[] {
                Instant.parse("2026-12-02T17:43:45Z"), Instant.parse("2026-12-02T17:43:45.120Z"),
                Instant.parse("2026-12-02T17:43:45.123456Z"), Instant.parse("2026-12-02T17:43:45.000000001Z"),
                Instant.parse("2026-12-02T17:43:46.5Z"), Instant.ofEpochSecond(-1, 7_000), Instant.EPOCH,
                Instant.parse("+10000-01-01T00:00:00.999999999Z")}) {
            assertThat(new String(out, 0, text.write(out, when), StandardCharsets.US_ASCII)).isEqualTo(when.toString());
        }
    }
}
