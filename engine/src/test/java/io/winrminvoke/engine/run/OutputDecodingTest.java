package io.winrminvoke.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.options.InvalidInputException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputDecodingTest {

    private static final String JAPANESE = "こんにちは、世界 🌏";

    @Test
    void codepagesMapToTheWindowsCharsets() {
        assertThat(Codepages.charsetFor(65001)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Codepages.charsetFor(932).name()).isEqualTo("windows-31j");
        assertThat(Codepages.charsetFor(437).name()).isEqualTo("IBM437");
        assertThat(Codepages.charsetFor(1252).name()).isEqualTo("windows-1252");
        assertThat(Codepages.charsetFor(850).name()).isEqualTo("IBM850");
        assertThat(Codepages.charsetFor(28592).name()).isEqualTo("ISO-8859-2");
        assertThatThrownBy(() -> Codepages.charsetFor(12345))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("codepage: invalid value '12345'");
    }

    @Test
    void utf8SplitInsideEveryCharacterDecodesIntact() {
        byte[] bytes = JAPANESE.getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk <= 4; chunk++) {
            assertThat(decodeInChunks(StandardCharsets.UTF_8, bytes, chunk)).isEqualTo(JAPANESE);
        }
    }

    @Test
    void shiftJisSplitAcrossChunksDecodesIntact() {
        Charset cp932 = Codepages.charsetFor(932);
        String text = "こんにちは、世界";
        assertThat(decodeInChunks(cp932, text.getBytes(cp932), 1)).isEqualTo(text);
    }

    @Test
    void malformedBytesBecomeReplacementCharacters() {
        byte[] bytes = {'a', (byte) 0xFF, 'b', (byte) 0xE3, (byte) 0x81};
        assertThat(decodeInChunks(StandardCharsets.UTF_8, bytes, 2)).isEqualTo("a\uFFFDb\uFFFD");
    }

    @Test
    void linesAreSplitOnLfAndCrlfAcrossChunks() {
        List<String> lines = new ArrayList<>();
        LineAssembler a = new LineAssembler(100, lines::add);
        a.append("one\r");
        a.append("\ntw");
        a.append("o\n\nthree");
        a.finish();
        assertThat(lines).containsExactly("one", "two", "", "three");
    }

    @Test
    void aLineLongerThanTheBoundIsPassedOnInPieces() {
        List<String> lines = new ArrayList<>();
        LineAssembler a = new LineAssembler(4, lines::add);
        a.append("abcdefghij\n");
        a.finish();
        assertThat(lines).containsExactly("abcd", "efgh", "ij");
    }

    @Test
    void captureKeepsWholeLinesUpToTheByteLimitAndFlagsTheRest() {
        BoundedTextCapture c = new BoundedTextCapture(11);
        c.appendLine("abc");
        c.appendLine("こん");
        assertThat(c.truncated()).isFalse();
        assertThat(c.text()).isEqualTo("abc\nこん\n");
        c.appendLine("de");
        assertThat(c.truncated()).isTrue();
        assertThat(c.text()).isEqualTo("abc\nこん\n");
        BoundedTextCapture d = new BoundedTextCapture(5);
        d.appendLine("abこ");
        assertThat(d.text()).isEqualTo("abこ");
        assertThat(d.truncated()).isTrue();
    }

    @Test
    void attemptOutputDecodesMasksCapturesAndStreamsLinesPerStream() {
        List<String> seen = new ArrayList<>();
        AttemptOutput out = new AttemptOutput(StandardCharsets.UTF_8, t -> t.replace("s3cret", "****"), 1024, false,
                (stream, line) -> seen.add(stream + ":" + line));
        byte[] bytes = ("pass=s3cret\n" + JAPANESE).getBytes(StandardCharsets.UTF_8);
        out.stdout(Arrays.copyOfRange(bytes, 0, 8));
        out.stderr("warn\n".getBytes(StandardCharsets.UTF_8));
        out.stdout(Arrays.copyOfRange(bytes, 8, 15));
        out.stdout(Arrays.copyOfRange(bytes, 15, bytes.length));
        out.finish();
        assertThat(seen).containsExactly("STDERR:warn", "STDOUT:pass=****", "STDOUT:" + JAPANESE);
        assertThat(out.stdoutCapture().text()).isEqualTo("pass=****\n" + JAPANESE + "\n");
        assertThat(out.stderrCapture().text()).isEqualTo("warn\n");
    }

    @Test
    void clixmlStderrBecomesReadableTextBeforeLinesAreCutAndMasked() {
        String clixml = "#< CLIXML\r\n<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
                + "<Obj S=\"progress\" RefId=\"0\"><TN RefId=\"0\"><T>System.Management.Automation.PSCustomObject</T>"
                + "<T>System.Object</T></TN><MS><I64 N=\"SourceId\">1</I64><PR N=\"Record\"><AV>Preparing modules</AV>"
                + "<AI>0</AI><Nil /><PI>-1</PI><PC>-1</PC><T>Completed</T><SR>-1</SR><SD> </SD></PR></MS></Obj>"
                + "<S S=\"Error\">denied for s3cret_x000D__x000A_</S></Objs>";
        List<String> seen = new ArrayList<>();
        AttemptOutput out = new AttemptOutput(StandardCharsets.UTF_8, t -> t.replace("s3cret", "****"), 1024, true,
                (stream, line) -> seen.add(stream + ":" + line));
        byte[] bytes = clixml.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 7) {
            out.stderr(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 7)));
        }
        out.finish();
        assertThat(seen).containsExactly("STDERR:denied for ****");
        assertThat(out.stderrCapture().text()).isEqualTo("denied for ****\n");
    }

    @Test
    void stderrIsLeftAloneWhenTheCommandWritesNoClixml() {
        AttemptOutput out = new AttemptOutput(StandardCharsets.UTF_8, Masker.NONE, 1024, false, (stream, line) -> { });
        out.stderr("#< CLIXML\r\n<Objs/>".getBytes(StandardCharsets.UTF_8));
        out.finish();
        assertThat(out.stderrCapture().text()).isEqualTo("#< CLIXML\n<Objs/>\n");
    }

    private static String decodeInChunks(Charset cs, byte[] bytes, int chunk) {
        StreamingTextDecoder d = new StreamingTextDecoder(cs);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes.length; i += chunk) {
            sb.append(d.decode(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk))));
        }
        return sb.append(d.finish()).toString();
    }
}
