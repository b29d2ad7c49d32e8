package io.winrminvoke.engine.report;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.result.Attempt;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.result.RunSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes junit.xml: one {@code testsuite} for the run, one {@code testcase} per host, in the
 * Ant/Jenkins dialect that Jenkins' junit plugin reads. Mapping: SUCCEEDED passes; FAILED (the
 * command exited non-zero) is a {@code failure}; TIMED_OUT, UNREACHABLE, AUTH_FAILED and ERROR
 * are an {@code error}; CANCELLED and SKIPPED are {@code skipped}. Every case has
 * {@code classname="winrm-invoke.<run name>"} (dots in the run name become {@code _}, so Jenkins
 * shows package {@code winrm-invoke}, class {@code <run name>}) and {@code name=<target>}.
 * Output goes to the case's system-out/system-err, at most {@value #OUTPUT_LIMIT} characters each
 * (head and tail kept; the transcript has everything).
 */
final class JUnitReportWriter {

    static final int OUTPUT_LIMIT = 64 * 1024;
    static final String CLASSNAME_PREFIX = "winrm-invoke.";

    /** The Ant dialect's timestamp: local date-time without zone; we write UTC. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JUnitReportWriter() {
    }

    static String classname(String runName) {
        return CLASSNAME_PREFIX + XmlText.attribute(runName).replace('.', '_');
    }

    static void write(Path file, RunResult result, ReportContext context) throws IOException {
        AtomicFiles.write(file, out -> {
            try {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                writeDocument(xml, result, context);
                xml.flush();
                xml.close();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write XML: " + e.getMessage(), e);
            }
        });
    }

    private static void writeDocument(XMLStreamWriter xml, RunResult result, ReportContext context)
            throws XMLStreamException {
        Masker masker = context.masker();
        RunSummary summary = result.summary();
        String classname = classname(context.runName());
        int failures = summary.count(HostStatus.FAILED);
        int skipped = summary.count(HostStatus.CANCELLED) + summary.count(HostStatus.SKIPPED);
        int errors = summary.total() - summary.count(HostStatus.SUCCEEDED) - failures - skipped;

        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", classname);
        xml.writeAttribute("tests", Integer.toString(summary.total()));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", Integer.toString(errors));
        xml.writeAttribute("skipped", Integer.toString(skipped));
        xml.writeAttribute("time", ReportText.seconds(ReportText.millis(summary.started(), summary.ended())));
        if (summary.started() != null) {
            xml.writeAttribute("timestamp", TIMESTAMP.format(summary.started()));
        }
        xml.writeCharacters("\n");
        writeProperties(xml, result, context, masker);
        for (HostResult host : result.hosts()) {
            writeCase(xml, host, classname, masker);
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static void writeProperties(XMLStreamWriter xml, RunResult result, ReportContext context,
                                        Masker masker) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("properties");
        xml.writeCharacters("\n");
        for (Map.Entry<String, Object> option : OptionValues.toJson(context.effectiveOptions(), masker).entrySet()) {
            xml.writeCharacters("    ");
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", XmlText.attribute(option.getKey()));
            xml.writeAttribute("value", XmlText.attribute(propertyValue(option.getValue())));
            xml.writeCharacters("\n");
        }
        if (result.rollout().staged()) {
            // how the rollout went, where the test view shows the run's settings
            xml.writeCharacters("    ");
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", "rollout");
            xml.writeAttribute("value", XmlText.attribute(masker.mask(result.rollout().summary())));
            xml.writeCharacters("\n");
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void writeCase(XMLStreamWriter xml, HostResult host, String classname, Masker masker)
            throws XMLStreamException {
        String message = masker.mask(host.message());
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", classname);
        xml.writeAttribute("name", XmlText.attribute(host.target().display()));
        xml.writeAttribute("time", ReportText.seconds(ReportText.millis(host.started(), host.ended())));
        switch (host.status()) {
            case SUCCEEDED -> {
            }
            case FAILED -> writeProblem(xml, "failure", message == null ? "exit code " + host.exitCode() : message,
                    host, masker);
            case CANCELLED, SKIPPED -> {
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", XmlText.attribute(message == null ? host.status().name() : message));
                xml.writeEndElement();
            }
            default -> writeProblem(xml, "error", message == null ? host.status().name() : message, host, masker);
        }
        writeOutput(xml, "system-out", masker.mask(host.stdout()), host.stdoutTruncated(), host);
        writeOutput(xml, "system-err", masker.mask(host.stderr()), host.stderrTruncated(), host);
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** {@code type} is the host status; the text lists every attempt, so a flaky host shows its history. */
    private static void writeProblem(XMLStreamWriter xml, String element, String message, HostResult host,
                                     Masker masker) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("type", host.status().name());
        xml.writeAttribute("message", XmlText.attribute(message));
        StringBuilder details = new StringBuilder();
        details.append(host.status().name());
        if (host.exitCode() != null) {
            details.append(", exit code ").append(host.exitCode());
        }
        details.append(": ").append(message).append('\n');
        for (Attempt attempt : host.attempts()) {
            details.append("attempt ").append(attempt.number()).append(": ")
                    .append(ReportText.attempt(attempt, masker)).append('\n');
        }
        details.append("transcript: ").append(TranscriptFileNames.relativePath(host.target())).append('\n');
        xml.writeCharacters(XmlText.clean(details.toString()));
        xml.writeEndElement();
    }

    private static void writeOutput(XMLStreamWriter xml, String element, String text, boolean truncated,
                                    HostResult host) throws XMLStreamException {
        if ((text == null || text.isEmpty()) && !truncated) {
            return;
        }
        String body = bounded(text == null ? "" : text, OUTPUT_LIMIT, TranscriptFileNames.relativePath(host.target()));
        if (truncated) {
            body += "\n[output truncated; full output: " + TranscriptFileNames.relativePath(host.target()) + "]\n";
        }
        xml.writeStartElement(element);
        xml.writeCharacters(XmlText.clean(body));
        xml.writeEndElement();
    }

    /** Scalars as they are, lists and maps as JSON. */
    private static String propertyValue(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return PlainJsonWriter.toJson(value);
            } catch (IOException | IllegalArgumentException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }

    /** At most {@code limit} characters: the head and the tail, the middle replaced by a note. */
    static String bounded(String text, int limit, String transcript) {
        if (text.length() <= limit) {
            return text;
        }
        int half = limit / 2;
        int headEnd = half;
        int tailStart = text.length() - half;
        // do not split a surrogate pair
        if (Character.isHighSurrogate(text.charAt(headEnd - 1))) {
            headEnd--;
        }
        if (Character.isLowSurrogate(text.charAt(tailStart))) {
            tailStart++;
        }
        return text.substring(0, headEnd)
                + "\n[... " + (tailStart - headEnd) + " characters omitted; full output: " + transcript + " ...]\n"
                + text.substring(tailStart);
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
