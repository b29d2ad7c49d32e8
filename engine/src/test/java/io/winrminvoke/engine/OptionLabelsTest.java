package io.winrminvoke.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OptionLabelsTest {

    private static final Pattern LABELLED = Pattern.compile("labels\\.of\\(\"([^\"]+)\"\\)");

    /** A front end maps OptionLabels.SETTINGS; a message naming another setting would go out in engine words. */
    @Test
    void settingsListsEverySettingTheEngineLabelsInAMessage() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LABELLED.matcher(Files.readString(source));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }

        assertThat(named).isNotEmpty();
        assertThat(OptionLabels.SETTINGS).containsAll(named);
    }

    @Test
    void aSettingWithoutALabelKeepsItsEngineName() {
        OptionLabels labels = OptionLabels.of(java.util.Map.of("trustedCaPem", "caCertificate"));

        assertThat(labels.of("trustedCaPem")).isEqualTo("caCertificate");
        assertThat(labels.of("port")).isEqualTo("port");
    }
}
