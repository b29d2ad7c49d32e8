package io.winrminvoke.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingMaskerTest {

    private static final String SECRET = "hunter2-very-secret";
    private final SecretMasker masker = SecretMasker.of(SECRET);

    @Test
    void secretSplitAtEveryPositionBetweenTwoChunksIsMasked() {
        String text = "before " + SECRET + " after";
        for (int split = 0; split <= text.length(); split++) {
            StreamingMasker stream = masker.streaming();
            String out = stream.push(text.substring(0, split)) + stream.push(text.substring(split)) + stream.flush();
            assertThat(out).as("split at %d", split).isEqualTo("before **** after");
        }
    }

    @Test
    void textIsReleasedAsSoonAsItCannotBePartOfASecret() {
        StreamingMasker stream = masker.streaming();
        String released = stream.push("x".repeat(100));
        assertThat(released).hasSize(100 - (masker.longestForm() - 1));
        assertThat(stream.flush()).hasSize(masker.longestForm() - 1);
    }

    @Test
    void randomChunkingGivesTheSameResultAsMaskingTheWhole() {
        Random random = new Random(42);
        StringBuilder whole = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            whole.append(random.nextInt(5) == 0 ? SECRET : "word" + random.nextInt(1000)).append(' ');
        }
        String text = whole.toString();
        for (int round = 0; round < 50; round++) {
            StreamingMasker stream = masker.streaming();
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < text.length()) {
                int next = Math.min(text.length(), at + 1 + random.nextInt(30));
                out.append(stream.push(text.substring(at, next)));
                at = next;
            }
            out.append(stream.flush());
            assertThat(out.toString()).isEqualTo(masker.mask(text)).doesNotContain(SECRET);
        }
    }
}
