package io.winrminvoke.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.targets.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TranscriptFileNamesTest {

    @Test
    void plainHostNamesAreKeptAsTheyAre() {
        assertThat(TranscriptFileNames.fileName(new Target("web01.example.com", 0))).isEqualTo("web01.example.com.log");
        assertThat(TranscriptFileNames.fileName(new Target("10.0.0.7", 0))).isEqualTo("10.0.0.7.log");
        assertThat(TranscriptFileNames.relativePath(new Target("web01", 0))).isEqualTo("hosts/web01.log");
    }

    @Test
    void ipv6AndPortsBecomeSafeNamesWithAHash() {
        String v6 = TranscriptFileNames.fileName(new Target("::1", 5986));
        assertThat(v6).matches("_1_5986~[0-9a-f]{8}\\.log");
        assertThat(TranscriptFileNames.fileName(new Target("fe80::1%eth0", 0))).matches("fe80_1_eth0~[0-9a-f]{8}\\.log");
        assertThat(TranscriptFileNames.fileName(new Target("web01", 5985))).matches("web01_5985~[0-9a-f]{8}\\.log");
    }

    @Test
    void namesDifferingOnlyInCaseDoNotCollideOnCaseInsensitiveFileSystems() {
        String lower = TranscriptFileNames.fileName(new Target("web01", 0));
        String upper = TranscriptFileNames.fileName(new Target("WEB01", 0));
        assertThat(upper.toLowerCase(Locale.ROOT)).isNotEqualTo(lower.toLowerCase(Locale.ROOT));
    }

    @Test
    void windowsDeviceNamesAndLeadingDotsAreAvoided() {
        assertThat(TranscriptFileNames.fileName(new Target("con", 0))).matches("con~[0-9a-f]{8}\\.log");
        assertThat(TranscriptFileNames.fileName(new Target("nul.example", 0))).matches("nul.example~[0-9a-f]{8}\\.log");
        assertThat(TranscriptFileNames.fileName(new Target("..", 0))).doesNotStartWith(".");
        assertThat(TranscriptFileNames.fileName(new Target("../../etc/passwd", 0))).doesNotContain("/").doesNotStartWith(".");
    }

    @Test
    void everyNameIsShortAndUsesOnlySafeCharacters() {
        List<String> hosts = List.of("a".repeat(300), "ホスト名.example.jp", "host with spaces", "back\\slash",
                "colon:name", "star*?<>|\"", "\u0000nul", "trailing.", "x:1");
        for (String host : hosts) {
            String name = TranscriptFileNames.fileName(new Target(host, 0));
            assertThat(name).matches("[a-z0-9._~-]+\\.log").hasSizeLessThanOrEqualTo(80 + 9 + 4);
            assertThat(name).doesNotStartWith(".");
        }
    }

    @Test
    void distinctTargetsGetDistinctNames() {
        Set<String> names = new HashSet<>();
        Set<String> lowerCased = new HashSet<>();
        int count = 0;
        String[] hosts = {"web01", "WEB01", "Web01", "web01.", "web01_", "web01-", "[web01]", "web:01", "web_01", "web 01"};
        for (String host : hosts) {
            for (int port : new int[] {0, 1, 5985, 5986}) {
                String name = TranscriptFileNames.fileName(new Target(host, port));
                names.add(name);
                lowerCased.add(name.toLowerCase(Locale.ROOT));
                count++;
            }
        }
        for (int i = 0; i < 5000; i++) {
            String name = TranscriptFileNames.fileName(new Target("10.1." + (i / 256) + "." + (i % 256), i % 3 == 0 ? 0 : 5986));
            names.add(name);
            lowerCased.add(name);
            count++;
        }
        assertThat(names).hasSize(count);
        assertThat(lowerCased).hasSize(count);
    }
}
