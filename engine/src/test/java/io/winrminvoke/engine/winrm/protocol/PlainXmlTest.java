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
                "<r><p:Stream xmlns:p=\"urn:p\" p:Name=\"prefixed\" Name=\"plain\"></p:Stream>a > b</r>",
                // a value equal to a later attribute's name is no duplicate
                "<r Note=\"Name\" Name=\"a\"/>",
                "<?xml version=\"1.0\"?><r/>",
                "<r " + attributes(PlainXml.MAX_ATTRIBUTES) + "/>");
        for (String document : documents) {
            assertThat(plainEvents(document)).as(document).isEqualTo(staxEvents(document));
        }
    }

    @Test
    void documentsAStrictParserRefusesAreLeftToStax() {
        // found by review: each of these was read as if it were well-formed
        List<String> documents = List.of(
                "<?xml ?><r/>",
                "<?xml encoding=\"UTF-8\"?><r/>",
                "<?xml version=\"2.0\"?><r/>",
                "<?xml version=\"1.1\"?><r/>",
                "<?xml version=\"1.0\" junk?><r/>",
                "<?xml version=\"1.0\" standalone=\"maybe\"?><r/>",
                "<?xml version=\"1.0\"encoding=\"UTF-8\"?><r/>",
                "<?xml version=\"1.0\" ENCODING=\"UTF-16\"?><r/>",
                "<?xml version=\"1.0\" standalone=\"yes\" encoding=\"UTF-8\"?><r/>",
                "<r xmlns:xml=\"urn:x\"/>",
                "<r xmlns:p=\"http://www.w3.org/XML/1998/namespace\"/>",
                "<r xmlns:xmlns=\"urn:x\"/>",
                "<r xmlns=\"http://www.w3.org/2000/xmlns/\"/>",
                "<r xmlns:p=\"urn:u\" xmlns:q=\"urn:u\" p:Name=\"a\" q:Name=\"b\"/>",
                "<p:1r xmlns:p=\"urn:p\"/>",
                "<r xmlns:p=\"urn:p\" p:-x=\"1\"/>");
        for (String document : documents) {
            assertThat(PlainXml.of(document.getBytes(StandardCharsets.UTF_8))).as(document).isNull();
        }
    }

    @Test
    void largeDocumentsAndManyAttributesAreLeftToStaxWhichStreamsAndCapsThem() throws Exception {
        // a hostile answer of 100000 attributes cost 14.7 s of CPU here before, checked pairwise
        assertThat(PlainXml.of(("<r " + attributes(PlainXml.MAX_ATTRIBUTES + 1) + "/>")
                .getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(PlainXml.of(("<r xmlns:p=\"urn:p\" " + attributes(PlainXml.MAX_ATTRIBUTES) + "/>")
                .getBytes(StandardCharsets.UTF_8))).isNull();
        String large = "<r>" + "<a/>".repeat(PlainXml.MAX_BYTES / 4) + "</r>";
        assertThat(large.length()).isGreaterThan(PlainXml.MAX_BYTES);
        assertThat(PlainXml.of(large.getBytes(StandardCharsets.UTF_8))).isNull();
        String justFits = "<r>" + "<a/>".repeat((PlainXml.MAX_BYTES - 7) / 4) + "</r>";
        assertThat(plainEvents(justFits)).isEqualTo(staxEvents(justFits));
    }

    private static String attributes(int count) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < count; k++) {
            s.append("a").append(k).append("=\"").append(k).append("\" ");
        }
        return s.toString();
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
