package io.winrminvoke.engine.report;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.RunResult;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes results.csv: one row per host with the seed script's columns, RFC 4180 (CRLF, quotes
 * where needed), UTF-8, optionally with a byte order mark.
 */
final class ResultsCsvWriter {

    static final String[] HEADER =
            {"Timestamp", "ComputerName", "Status", "ExitCode", "DurationMs", "Attempts", "Message"};

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private ResultsCsvWriter() {
    }

    static void write(Path file, RunResult result, ReportContext context) throws IOException {
        Masker masker = context.masker();
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (context.csvByteOrderMark()) {
                writer.write('\uFEFF');
            }
            CSVPrinter printer = new CSVPrinter(writer, FORMAT);
            for (HostResult host : result.hosts()) {
                Instant when = host.ended() != null ? host.ended() : result.summary().ended();
                printer.printRecord(
                        ReportText.instant(when),
                        host.target().display(),
                        host.status().name(),
                        host.exitCode() == null ? "" : host.exitCode().toString(),
                        ReportText.millis(host.started(), host.ended()),
                        host.attempts().size(),
                        neutralizeFormula(masker.mask(host.message())));
            }
            printer.flush();
        });
    }

    /**
     * Spreadsheets run a cell starting with {@code = + - @} as a formula; a message is text that
     * may come from a remote host, so such a message gets a leading apostrophe (OWASP's advice
     * against CSV injection). Only the Message column is free text.
     */
    static String neutralizeFormula(String message) {
        if (message == null || message.isEmpty()) {
            return message == null ? "" : message;
        }
        char first = message.charAt(0);
        return "=+-@\t\r".indexOf(first) >= 0 ? "'" + message : message;
    }
}
