package io.winrminvoke.engine.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClixmlStderrTest {

    static final String OBJS = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">";
    static final String PROGRESS = "<Obj S=\"progress\" RefId=\"0\"><TN RefId=\"0\"><T>System.Management.Automation.PSCustomObject</T>"
            + "<T>System.Object</T></TN><MS><I64 N=\"SourceId\">1</I64><PR N=\"Record\"><AV>Preparing modules for first use.</AV>"
            + "<AI>0</AI><Nil /><PI>-1</PI><PC>-1</PC><T>Completed</T><SR>-1</SR><SD> </SD></PR></MS></Obj>";
    static final String ERROR = "<S S=\"Error\">boom &lt;here&gt; &amp; there_x000D__x000A_</S>"
            + "<S S=\"Error\">At line:1 char:1_x000D__x000A_</S>"
            + "<S S=\"Error\">+ throw 'boom'_x000D__x000A_</S>";
    static final String ERROR_TEXT = "boom <here> & there\r\nAt line:1 char:1\r\n+ throw 'boom'\r\n";

    static String clixml(String... records) {
        return "#< CLIXML\r\n" + OBJS + String.join("", records) + "</Objs>";
    }

    @Test
    void stderrHoldingOnlyProgressRecordsBecomesEmpty() {
        assertThat(ClixmlStderr.toText(clixml(PROGRESS, PROGRESS))).isEmpty();
        assertThat(ClixmlStderr.toText(clixml(PROGRESS) + "\r\n")).isEmpty();
        assertThat(ClixmlStderr.toText("#< CLIXML\r\n")).isEmpty();
    }

    @Test
    void errorRecordsBecomeTheirTextWithEscapesDecoded() {
        assertThat(ClixmlStderr.toText(clixml(PROGRESS, ERROR))).isEqualTo(ERROR_TEXT);
    }

    @Test
    void serializedStringEscapesAreDecodedIncludingSurrogatesAndEscapedUnderscores() {
        String record = "<S S=\"Error\">tab_x0009_smile_xD83D__xDE00_ literal _x005F_x0041_ end_x000A_</S>";

        assertThat(ClixmlStderr.toText(clixml(record))).isEqualTo("tab\tsmile\uD83D\uDE00 literal _x0041_ end\n");
    }

    @Test
    void warningsAreKeptWithTheirPrefixAndVerboseDebugInformationAreDropped() {
        String records = "<S S=\"warning\">disk almost full</S>"
                + "<S S=\"verbose\">checking disk</S>"
                + "<S S=\"debug\">debugging</S>"
                + "<Obj S=\"information\" RefId=\"1\"><TN RefId=\"1\"><T>System.Management.Automation.InformationRecord</T></TN>"
                + "<ToString>hello from Write-Information</ToString><Props><S N=\"MessageData\">hello</S></Props></Obj>";

        assertThat(ClixmlStderr.toText(clixml(records))).isEqualTo("WARNING: disk almost full\r\n");
    }

    @Test
    void errorSerializedAsAnObjectShowsItsToString() {
        String record = "<Obj S=\"Error\" RefId=\"0\"><TN RefId=\"0\"><T>System.Management.Automation.ErrorRecord</T></TN>"
                + "<ToString>Access is denied</ToString><Props><S N=\"Message\">ignored</S></Props></Obj>";

        assertThat(ClixmlStderr.toText(clixml(record))).isEqualTo("Access is denied\r\n");
    }

    @Test
    void plainTextAroundTheClixmlIsKeptAsIs() {
        String stderr = "native tool: warning\r\n" + clixml(PROGRESS, ERROR) + "\r\nafter\r\n";

        assertThat(ClixmlStderr.toText(stderr)).isEqualTo("native tool: warning\r\n" + ERROR_TEXT + "after\r\n");
    }

    @Test
    void textWrittenBetweenRecordsByAnotherWriterIsKept() {
        // It is XML character data there, so the parser normalises its CRLF to LF.
        assertThat(ClixmlStderr.toText(clixml(PROGRESS, "raw line\r\n", ERROR))).isEqualTo("raw line\n" + ERROR_TEXT);
    }

    @Test
    void severalDocumentsAndRepeatedHeadersAreAllConverted() {
        String stderr = "#< CLIXML\r\n#< CLIXML\r\n" + OBJS + ERROR + "</Objs>" + OBJS + PROGRESS + "</Objs>"
                + OBJS + "<S S=\"Error\">second_x000D__x000A_</S></Objs>";

        assertThat(ClixmlStderr.toText(stderr)).isEqualTo(ERROR_TEXT + "second\r\n");
    }

    @Test
    void stderrWithoutClixmlIsReturnedUnchanged() {
        String plain = "error: <Objs > is just text here\r\n";

        assertThat(ClixmlStderr.toText(plain)).isSameAs(plain);
        assertThat(ClixmlStderr.toText(null)).isNull();
        assertThat(ClixmlStderr.toText("")).isEmpty();
    }

    @Test
    void malformedDocumentIsShownRawRatherThanLost() {
        String broken = OBJS + "<S S=\"Error\">a < b</S></Objs>";

        assertThat(ClixmlStderr.toText("#< CLIXML\r\n" + broken)).isEqualTo(broken);
    }

    @Test
    void documentCutOffByTheEndOfTheStreamKeepsItsCompleteRecords() {
        String truncated = "#< CLIXML\r\n" + OBJS + PROGRESS + ERROR + "<S S=\"Error\">half a rec";

        assertThat(ClixmlStderr.toText(truncated)).isEqualTo(ERROR_TEXT);
    }

    @Test
    void streamingCharacterByCharacterGivesTheSameTextAsWholeConversion() {
        String stderr = "before\r\n" + clixml(PROGRESS, ERROR, "<S S=\"warning\">w</S>") + "\r\nafter";
        ClixmlStderr converter = new ClixmlStderr();
        StringBuilder out = new StringBuilder();
        for (char c : stderr.toCharArray()) {
            out.append(converter.accept(String.valueOf(c)));
        }
        out.append(converter.finish());

        assertThat(out.toString()).isEqualTo(ClixmlStderr.toText(stderr))
                .isEqualTo("before\r\n" + ERROR_TEXT + "WARNING: w\r\nafter");
    }

    @Test
    void errorIsPassedOnAsSoonAsItsRecordIsCompleteWhileTheDocumentIsStillOpen() {
        ClixmlStderr converter = new ClixmlStderr();

        assertThat(converter.accept("#< CLIXML\r\n" + OBJS + PROGRESS)).isEmpty();
        assertThat(converter.accept(ERROR + "<S S=\"Err")).isEqualTo(ERROR_TEXT);
        assertThat(converter.accept("or\">later_x000D__x000A_</S>")).isEqualTo("later\r\n");
        assertThat(converter.accept("</Objs>")).isEmpty();
        assertThat(converter.finish()).isEmpty();
    }

    @Test
    void plainTextIsPassedOnAtOnceExceptAPossibleHeaderStartAtTheChunkEnd() {
        ClixmlStderr converter = new ClixmlStderr();

        assertThat(converter.accept("plain line\r\n#< CL")).isEqualTo("plain line\r\n");
        assertThat(converter.accept("IXML\r\n" + OBJS + ERROR + "</Objs>")).isEqualTo(ERROR_TEXT);
        assertThat(converter.accept("#<not a header")).isEqualTo("#<not a header");
        assertThat(converter.finish()).isEmpty();
    }
}
