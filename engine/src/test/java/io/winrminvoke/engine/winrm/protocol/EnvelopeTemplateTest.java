package io.winrminvoke.engine.winrm.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * The envelopes written from byte templates are, byte for byte, what the JDK's XMLStreamWriter
 * wrote, also for values that need escaping or are not ASCII, and read back as the values sent.
 */
class EnvelopeTemplateTest {

    private static final String TRICKY = "<&>\"' ]]> Grüße 日本語 😀 tab\tend";
    private static final RequestContext PLAIN = RequestContext.of("http://windows-host:5985/wsman", Duration.ofSeconds(20));
    private static final RequestContext ESCAPED = new RequestContext("https://h\u00e9te:5986/wsman?a=1&b=<2>",
            Duration.ofMillis(1500), 512000, "de-\"DE\"&");

    @Test
    void everyRequestIsWhatTheStreamWriterWroteForPlainAndTrickyValues() throws Exception {
        List<WsmanRequest> requests = List.of(
                new CreateShellRequest(65001, true),
                new CreateShellRequest(437, false),
                new CommandRequest("SHELL-1", "ipconfig", List.of("/all"), false, false),
                new CommandRequest("S&<\"'>", "cmd /c echo " + TRICKY, List.of(TRICKY, "", "a&b", "\u00e9"), true, true),
                new ReceiveRequest("SHELL-1", "C&<\"'>"),
                new SendRequest("SHELL-1", "C\"<&", TRICKY.getBytes(StandardCharsets.UTF_8), true),
                new SendRequest("SHELL-1", "COMMAND-1", new byte[0], false),
                new SignalRequest("S<", "C\"", ShellSignal.TERMINATE),
                new DeleteShellRequest("S&\"<>'"));
        for (RequestContext context : List.of(PLAIN, ESCAPED)) {
            for (WsmanRequest request : requests) {
                SoapRequest soap = request.toSoap(context);
                // one char per byte: the comparison is byte for byte, and a difference shows where
                String expected = new String(StreamWriterEnvelopes.of(context, request, soap.messageId()),
                        StandardCharsets.ISO_8859_1);

                assertThat(new String(soap.body(), StandardCharsets.ISO_8859_1)).as(request.action() + " " + requests.indexOf(request))
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void commandLineWithMarkupAndNonAsciiReadsBackAsSent() throws Exception {
        List<String> arguments = List.of(TRICKY, "</rsp:Arguments><rsp:Arguments>injected", "&amp;");
        byte[] body = new CommandRequest("S", "cmd /c " + TRICKY, arguments, false, false).toSoap(PLAIN).body();

        List<String> read = shellTexts(body);

        List<String> expected = new ArrayList<>();
        expected.add("cmd /c " + TRICKY);
        expected.addAll(arguments);
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void loneSurrogatesAreWrittenAsQuestionMarksAndTheCharactersAfterThemKept() throws Exception {
        byte[] body = new CommandRequest("S", "lone \ud800 high, \udc00 low, at the end \ud83d", List.of("\ud83d"),
                false, false).toSoap(PLAIN).body();

        assertThat(shellTexts(body)).containsExactly("lone ? high, ? low, at the end ?", "?");
    }

    /** The text of every rsp:Command and rsp:Arguments element, in document order. */
    private static List<String> shellTexts(byte[] body) throws Exception {
        XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(new ByteArrayInputStream(body));
        List<String> texts = new ArrayList<>();
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && Namespaces.SHELL.equals(xml.getNamespaceURI())
                    && (xml.getLocalName().equals("Command") || xml.getLocalName().equals("Arguments"))) {
                texts.add(xml.getElementText());
            }
        }
        return texts;
    }
}
