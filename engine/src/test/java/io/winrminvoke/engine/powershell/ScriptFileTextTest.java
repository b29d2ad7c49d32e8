package io.winrminvoke.engine.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.options.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptFileTextTest {

    private static final String SCRIPT = "Write-Output '日本語 ü'\r\n";

    private static byte[] withMark(int[] mark, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b : mark) {
            out.write(b);
        }
        out.writeBytes(SCRIPT.getBytes(charset));
        return out.toByteArray();
    }

    @Test
    void utf8WithAndWithoutMarkAndUtf16WithMarkGiveTheSameTextWithoutTheMark() {
        assertThat(ScriptFileText.decode(SCRIPT.getBytes(StandardCharsets.UTF_8), "a.ps1")).isEqualTo(SCRIPT);
        assertThat(ScriptFileText.decode(withMark(new int[] {0xEF, 0xBB, 0xBF}, StandardCharsets.UTF_8), "a.ps1"))
                .isEqualTo(SCRIPT);
        assertThat(ScriptFileText.decode(withMark(new int[] {0xFF, 0xFE}, StandardCharsets.UTF_16LE), "a.ps1"))
                .isEqualTo(SCRIPT);
        assertThat(ScriptFileText.decode(withMark(new int[] {0xFE, 0xFF}, StandardCharsets.UTF_16BE), "a.ps1"))
                .isEqualTo(SCRIPT);
    }

    @Test
    void fileInALegacyCodepageIsRejectedWithItsNameAndTheByteOffset() {
        byte[] ansi = "Write-Output 'café'".getBytes(Charset.forName("windows-1252"));

        assertThatThrownBy(() -> ScriptFileText.decode(ansi, "deploy.ps1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("powershell file deploy.ps1: invalid value: not valid UTF-8 at byte 17");
    }

    @Test
    void fileIsReadFromDiskAndAMissingFileIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.ps1");
        Files.write(file, withMark(new int[] {0xEF, 0xBB, 0xBF}, StandardCharsets.UTF_8));

        assertThat(ScriptFileText.read(file)).isEqualTo(SCRIPT);
        assertThatThrownBy(() -> ScriptFileText.read(dir.resolve("missing.ps1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("missing.ps1");
    }
}
