package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin's Japanese resources are complete: every message, every text of a Jelly view and
 * every help page has its Japanese counterpart. Reads the plugin's source resources (no Jenkins
 * needed), so it runs in the default build; a field or message added without its translation
 * fails here.
 */
class PluginResourcesJapaneseTest {

    /** Stapler's {@code ${%Text}} and {@code ${%Text(arg)}}: the key ends at '(' or '}'. */
    private static final Pattern JELLY_KEY = Pattern.compile("\\$\\{%([^}(]+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

    private static Path resources;

    @BeforeAll
    static void locateResources() {
        String dir = System.getProperty("winrmInvoke.pluginResources", "../plugin/src/main/resources");
        resources = Path.of(dir).resolve("io/winrminvoke/plugin");
        assertThat(resources).as("the plugin's resources").isDirectory();
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(resources)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> !p.getFileName().toString().matches(".*_[a-z]{2}(_[A-Z]{2})?\\.[a-z]+"))
                    .sorted().toList();
        }
    }

    private static Path japanese(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling(name.substring(0, dot) + "_ja" + name.substring(dot));
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void everyMessageHasAJapaneseTranslationWithTheSameArguments() throws IOException {
        List<Path> bundles = files(".properties").stream()
                .filter(p -> !p.getFileName().toString().endsWith("_ja.properties")).toList();
        assertThat(bundles).extracting(p -> p.getFileName().toString()).contains("Messages.properties");
        for (Path bundle : bundles) {
            Path ja = japanese(bundle);
            assertThat(ja).as("Japanese counterpart of %s", resources.relativize(bundle)).isRegularFile();
            Properties en = load(bundle);
            Properties jp = load(ja);
            // a view's bundle (summary.properties) holds only its non-literal keys; its _ja holds every text too
            assertThat(jp.stringPropertyNames()).as("keys of %s", resources.relativize(ja))
                    .containsAll(en.stringPropertyNames());
            for (String key : en.stringPropertyNames()) {
                assertThat(placeholders(jp.getProperty(key))).as("arguments of %s in %s", key, ja.getFileName())
                        .isEqualTo(placeholders(en.getProperty(key)));
                assertThat(jp.getProperty(key)).as(key).isNotBlank();
            }
        }
    }

    @Test
    void everyTextOfAViewHasAJapaneseTranslation() throws IOException {
        List<Path> views = files(".jelly");
        assertThat(views).isNotEmpty();
        for (Path view : views) {
            Set<String> keys = jellyKeys(view);
            if (keys.isEmpty()) {
                continue;
            }
            Path ja = view.resolveSibling(view.getFileName().toString().replace(".jelly", "_ja.properties"));
            assertThat(ja).as("Japanese texts of %s", resources.relativize(view)).isRegularFile();
            Properties jp = load(ja);
            assertThat(jp.stringPropertyNames()).as("keys of %s", resources.relativize(ja))
                    .containsAll(keys);
            assertThat(keys).as("%s holds no key its view does not use", resources.relativize(ja))
                    .containsAll(jp.stringPropertyNames());
        }
    }

    @Test
    void everyHelpPageHasAJapaneseVersion() throws IOException {
        List<Path> pages = files(".html");
        assertThat(pages).extracting(p -> p.getFileName().toString()).contains("help.html", "help-hosts.html");
        List<String> missing = new ArrayList<>();
        for (Path page : pages) {
            Path ja = japanese(page);
            if (!Files.isRegularFile(ja) || !JAPANESE.matcher(Files.readString(ja, StandardCharsets.UTF_8)).find()) {
                missing.add(resources.relativize(ja).toString());
            }
        }
        assertThat(missing).as("help pages without a Japanese version").isEmpty();
    }

    @Test
    void japanesePropertiesAreAsciiWithUnicodeEscapes() throws IOException {
        // Properties#load reads ISO-8859-1, ResourceBundle UTF-8: \\uXXXX escapes read the same in both
        try (Stream<Path> walk = Files.walk(resources)) {
            for (Path p : walk.filter(f -> f.getFileName().toString().endsWith("_ja.properties")).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                for (byte b : bytes) {
                    assertThat(b & 0xff).as("byte in %s", resources.relativize(p)).isLessThan(0x80);
                }
            }
        }
    }

    private static Set<String> jellyKeys(Path view) throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher m = JELLY_KEY.matcher(Files.readString(view, StandardCharsets.UTF_8));
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        found.sort(null);
        return found;
    }
}
