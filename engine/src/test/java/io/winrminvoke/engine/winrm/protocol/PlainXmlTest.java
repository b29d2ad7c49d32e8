package io.winrminvoke.engine.winrm.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainXml} reports what StAX (as {@link ResponseParser} configures it) reports for every
 * plain document, Windows' recorded answers included, and declines every document that is not plain.
 */
class PlainXmlTest {

    private static final List<String> ATTRIBUTES = List.of("Name", "CommandId", "End", "State", "Code", "lang",
            "mustUnderstand", "Machine", "Note");

    @Test
    void windowsRecordedAnswersArePlainAndReadAsStaxReadsThem() throws Exception {
        List<String> answers = List.of(
                RecordedWindowsMessages.pywinrm("open_shell_response"),
                RecordedWindowsMessages.pywinrm("close_shell_response"),
                RecordedWindowsMessages.pywinrm("run_cmd_response"),
                RecordedWindowsMessages.pywinrm("cleanup_cmd_response"),
                RecordedWindowsMessages.pywinrm("get_cmd_output_response"),
                RecordedWindowsMessages.masterzen("createShellResponse"),
                RecordedWindowsMessages.masterzen("executeCommandResponse"),
                RecordedWindowsMessages.masterzen("outputResponse"),
                RecordedWindowsMessages.masterzen("doneCommandResponse"),
                RecordedWindowsMessages.masterzen("operationTimeoutResponse"));
        for (String answer : answers) {
            assertThat(plainEvents(answer)).as(answer).isEqualTo(staxEvents(answer));
        }
    }

    @Test
    void namespacesWhitespaceAndEmptyElementsReadAsStaxReadsThem() throws Exception {
        List<String> documents = List.of(
                "<?xml version='1.0' encoding='utf-8' standalone='yes'?>\r\n<a:r xmlns:a=\"urn:a\" xmlns=\"urn:d\">"
                        + "<b Name='x'/><a:c xmlns:a=\"urn:shadow\"><a:d/></a:c><a:e/>"
                        + "<f xmlns=\"\"><g/></f></a:r>",
                "<r Note=\"tab\there\r\nnew line\nend\" Name = \"spaced\" >text\r\nwith\rline ends\n"
                        + "<c xml:lang=\"en-US\">x</c ></r>\n\n",
                "<r><p:Stream xmlns:p=\"urn:p\" p:Name=\"prefixed\" Name=\"plain\"></p:Stream>a > b</r>");
        for (String document : documents) {
            assertThat(plainEvents(document)).as(document).isEqualTo(staxEvents(document));
        }
    }

    @Test
    void anythingButPlainElementsAttributesAndAsciiTextIsLeftToStax() {
        List<String> documents = List.of(
                "<r><!-- comment --></r>",
                "<r><![CDATA[x]]></r>",
                "<r>&amp;</r>",
                "<r>&#13;</r>",
                "<r Name=\"&quot;\"/>",
                "<r><?pi x?></r>",
                "<?xml version=\"1.0\"?><!DOCTYPE r><r/>",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>",
                "\uFEFF<r/>",
                "<r>Grüße</r>",
                "<r Name=\"é\"/>",
                "<r>\u0001</r>",
                "<r>]]></r>",
                "<p:r/>",
                "<r><p:s xmlns:q=\"urn:q\"/></r>",
                "<r q:Name=\"x\"/>",
                "<r><s></r></s>",
                "<r><s>",
                "<r Name=\"a\" Name=\"b\"/>",
                "<r xmlns:p=\"urn:1\" xmlns:p=\"urn:2\"/>",
                "<r Name=x/>",
                "<r Name=\"a\"Code=\"b\"/>",
                "<r Name=\"<\"/>",
                "<r/><s/>",
                "<r/>text",
                "<1r/>",
                "<r:/>",
                "not xml",
                "");
        for (String document : documents) {
            assertThat(PlainXml.of(document.getBytes(StandardCharsets.UTF_8))).as(document).isNull();
        }
    }

    private static List<String> plainEvents(String document) {
        PlainXml plain = PlainXml.of(document.getBytes(StandardCharsets.UTF_8));
        assertThat(plain).as("plain: " + document).isNotNull();
        return events(plain);
    }

    private static List<String> staxEvents(String document) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader reader = factory.createXMLStreamReader(
                new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
        return events(new StaxCursor(reader));
    }

    /** Start tags with namespace and the attributes ResponseParser could ask for, text, end tags. */
    private static List<String> events(XmlCursor cursor) {
        List<String> events = new ArrayList<>();
        try {
            while (cursor.hasNext()) {
                int event = cursor.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    StringBuilder start = new StringBuilder("<{" + cursor.namespaceUri() + "}" + cursor.localName());
                    for (String attribute : ATTRIBUTES) {
                        if (cursor.attribute(attribute) != null) {
                            start.append(' ').append(attribute).append("=[").append(cursor.attribute(attribute)).append(']');
                        }
                    }
                    events.add(start.append('>').toString());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    events.add("</{" + cursor.namespaceUri() + "}" + cursor.localName() + ">");
                } else if (event == XMLStreamConstants.CHARACTERS) {
                    events.add("text[" + cursor.text() + "]");
                }
            }
        } catch (XMLStreamException e) {
            throw new AssertionError(e);
        }
        return events;
    }
}
