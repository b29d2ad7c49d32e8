package io.winrminvoke.engine.powershell;

/**
 * Turns PowerShell's stderr into what a person should read. When its output is redirected,
 * PowerShell writes a {@code #< CLIXML} line and then serialized records ({@code <Objs>...</Objs>},
 * one long line that stays open while the script runs) for errors, warnings, verbose, debug,
 * information and progress. This converter keeps plain text as it is, drops the header line,
 * replaces each record by its readable text ({@link ClixmlRecords}) and drops the noise, so a
 * stderr that held only progress records becomes empty.
 *
 * <p>Streaming use (one instance per stream; not thread-safe): feed decoded text as it arrives to
 * {@link #accept} and pass on what it returns, then append {@link #finish()}. Text is held back
 * only while it may be part of CLIXML (an unfinished record or a marker cut by a chunk boundary),
 * so errors still appear while the script runs. {@link #toText(String)} converts a whole stream.
 */
public final class ClixmlStderr {

    static final String HEADER = "#< CLIXML";
    private static final String DOCUMENT_START = "<Objs";
    private static final String DOCUMENT_END = "</Objs>";
    /** An unfinished record larger than this is not CLIXML we can read: shown raw instead of held. */
    private static final int MAX_PENDING_RECORD_CHARS = 1 << 20;

    private final StringBuilder pending = new StringBuilder();
    /** {@code <Objs ...>} of the document being read, or null outside a document. */
    private String documentStartTag;
    /** Whether any record of the current document was converted (else a raw dump needs its start tag). */
    private boolean documentConverted;
    /** Documents are recognised only after a header, so plain text mentioning "<Objs" stays. */
    private boolean headerSeen;
    /** The line break right after a header or a document belongs to the CLIXML, not the text. */
    private boolean skipLineBreak;

    /** Converts a complete stderr text; returns "" when nothing but CLIXML noise was in it. */
    public static String toText(String stderr) {
        if (stderr == null || !stderr.contains(HEADER)) {
            return stderr;
        }
        ClixmlStderr converter = new ClixmlStderr();
        String text = converter.accept(stderr) + converter.finish();
        return text.isBlank() ? "" : text;
    }

    /** Takes the next piece of decoded stderr; returns the text that is ready to be shown. */
    public String accept(CharSequence text) {
        pending.append(text);
        return drain(false);
    }

    /** The stream ended: returns what was held back. An unfinished record is dropped. */
    public String finish() {
        String text = drain(true);
        documentStartTag = null;
        pending.setLength(0);
        return text;
    }

    private String drain(boolean ending) {
        StringBuilder out = new StringBuilder();
        while (true) {
            if (skipLineBreak && !skipLeadingLineBreak(ending)) {
                break;
            }
            boolean progressed = documentStartTag != null ? readDocument(out) : readPlain(out, ending);
            if (!progressed) {
                break;
            }
        }
        return out.toString();
    }

    /** Returns false while it cannot yet tell whether a line break follows. */
    private boolean skipLeadingLineBreak(boolean ending) {
        if (pending.length() == 0) {
            return ending;
        }
        if (pending.charAt(0) == '\r') {
            if (pending.length() == 1 && !ending) {
                return false;
            }
            pending.deleteCharAt(0);
        }
        if (pending.length() > 0 && pending.charAt(0) == '\n') {
            pending.deleteCharAt(0);
        }
        skipLineBreak = false;
        return true;
    }

    /** Outside a document: passes plain text on, stops at a header or a document start. */
    private boolean readPlain(StringBuilder out, boolean ending) {
        int header = pending.indexOf(HEADER);
        int document = headerSeen ? indexOfDocumentStart() : -1;
        int marker = header < 0 ? document : document < 0 ? header : Math.min(header, document);
        if (marker < 0) {
            int keep = ending ? 0 : partialMarkerAtEnd();
            out.append(pending, 0, pending.length() - keep);
            pending.delete(0, pending.length() - keep);
            return false;
        }
        out.append(pending, 0, marker);
        pending.delete(0, marker);
        if (marker == header) {
            pending.delete(0, HEADER.length());
            headerSeen = true;
            skipLineBreak = true;
            return true;
        }
        int tagEnd = pending.indexOf(">");
        if (tagEnd < 0) {
            return false;
        }
        documentStartTag = pending.substring(0, tagEnd + 1);
        documentConverted = false;
        pending.delete(0, tagEnd + 1);
        return true;
    }

    /** Inside a document: converts the records that are complete, keeps the unfinished rest. */
    private boolean readDocument(StringBuilder out) {
        ClixmlRecords.Pass pass = ClixmlRecords.read(documentStartTag + pending, documentStartTag.length());
        int used = pass.consumed() - documentStartTag.length();
        out.append(pass.text());
        pending.delete(0, used);
        documentConverted |= used > 0;
        if (pass.complete()) {
            documentStartTag = null;
            skipLineBreak = true;
            return true;
        }
        int end = pending.indexOf(DOCUMENT_END);
        if (pass.failed() && end >= 0 || pending.length() > MAX_PENDING_RECORD_CHARS) {
            // Not well-formed although the document ended (or absurdly large): show it as it came.
            int rawEnd = end >= 0 ? end + DOCUMENT_END.length() : pending.length();
            out.append(documentConverted ? "" : documentStartTag).append(pending, 0, rawEnd);
            pending.delete(0, rawEnd);
            documentStartTag = null;
            return true;
        }
        return false;
    }

    private int indexOfDocumentStart() {
        int from = 0;
        while (true) {
            int i = pending.indexOf(DOCUMENT_START, from);
            if (i < 0 || i + DOCUMENT_START.length() >= pending.length()) {
                return i;
            }
            char next = pending.charAt(i + DOCUMENT_START.length());
            if (next == ' ' || next == '>') {
                return i;
            }
            from = i + 1;
        }
    }

    /** How many trailing characters could be the start of a marker cut by the chunk boundary. */
    private int partialMarkerAtEnd() {
        int keep = 0;
        for (String marker : headerSeen ? new String[] {HEADER, DOCUMENT_START} : new String[] {HEADER}) {
            for (int n = Math.min(marker.length() - 1, pending.length()); n > keep; n--) {
                if (pending.substring(pending.length() - n).equals(marker.substring(0, n))) {
                    keep = n;
                    break;
                }
            }
        }
        return keep;
    }
}
