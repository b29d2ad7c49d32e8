package io.winrminvoke.engine.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.run.CommandSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/powershell.md shows the exact text the code sends. Each block introduced by
 * {@code <!-- generated: NAME -->} must equal what the code generates for that example today, so
 * the document cannot drift from the wrapper. On failure the message carries the new text.
 */
class PowerShellDocTest {

    private static final Path DOC = Path.of("..", "docs", "powershell.md");
    private static final Pattern BLOCK = Pattern.compile("<!-- generated: ([a-z-]+) -->\\s*```[a-z]*\\n(.*?)```",
            Pattern.DOTALL);

    static Map<String, Supplier<String>> examples() {
        CommandSpec inline = PowerShellCommand.builder().script("Get-Date").build().toCommandSpec();
        CommandSpec withArguments = PowerShellCommand.builder()
                .script("param([string]$Name, [int]$Count)\n1..$Count | ForEach-Object { \"Hello, $Name\" }")
                .arguments(orderedArguments()).build().toCommandSpec();
        Map<String, Supplier<String>> examples = new LinkedHashMap<>();
        examples.put("inline-wrapper", () -> WrappedCommand.of(inline.command(), null).decodedScript());
        examples.put("stdin-wrapper", () -> WrappedCommand.of(withArguments.command(), withArguments.stdin())
                .decodedScript());
        examples.put("stdin-bytes", () -> new String(withArguments.stdin(), StandardCharsets.US_ASCII)
                .replace("\r\n", "\n"));
        examples.put("stdin-payload", () -> new String(
                WrappedCommand.of(withArguments.command(), withArguments.stdin()).payload(), StandardCharsets.UTF_8)
                + "\n");
        return examples;
    }

    private static Map<String, String> orderedArguments() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("Name", "O'Brien; $(whoami)");
        args.put("Count", "2");
        return args;
    }

    @Test
    void everyGeneratedBlockInTheDocumentEqualsWhatTheCodeGenerates() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Map<String, Supplier<String>> examples = examples();
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }

        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(examples.keySet());
        examples.forEach((name, generated) -> {
            String expected = generated.get();
            expected = expected.endsWith("\n") ? expected : expected + "\n";
            assertThat(found.get(name)).as("block '%s' of %s; the code now generates:%n%s", name, DOC, expected)
                    .isEqualTo(expected);
        });
    }

    @Test
    void inlineWrapperBlockIsTheWholePreludeTheHostDecodes() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        assertThat(doc).contains(WrapperScript.inline(ScriptPayload.encode("Get-Date", Map.of()), true));
    }
}
