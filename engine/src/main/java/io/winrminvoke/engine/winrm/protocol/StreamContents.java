package io.winrminvoke.engine.winrm.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The base64 content of a response's {@code Stream} elements, decoded straight from the response
 * bytes, and the document with that content cut out. A ReceiveResponse is almost all base64;
 * handed to the XML parser, every one of its characters would be decoded, scanned and copied
 * into a string before being decoded again.
 *
 * <p>Only plain content is taken (base64 text up to the element's end tag); an element with an
 * entity, a CDATA section, a comment or a child inside is left in the document for the parser.
 * The parser asks for the elements' contents in document order; if it met a different number
 * of {@code Stream} elements than were found here (a {@code <Stream} inside a comment, a
 * document not in an ASCII-compatible encoding), the caller parses the original bytes instead.
 */
final class StreamContents {

    /** Returned by {@link #next()} for an element whose content is still in the document. */
    static final byte[] IN_DOCUMENT = new byte[0];

    private static final byte[] STREAM = "Stream".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] document;
    /** In document order, one per Stream start tag found: decoded bytes or {@link #IN_DOCUMENT}. */
    private final List<byte[]> contents;
    /** False for {@link #none}: then whatever the parser meets matches. */
    private final boolean extracted;
    private int taken;

    private StreamContents(byte[] document, List<byte[]> contents, boolean extracted) {
        this.document = document;
        this.contents = contents;
        this.extracted = extracted;
    }

    /** For a parse of the original bytes: every element's content is in the document. */
    static StreamContents none(byte[] body) {
        return new StreamContents(body, List.of(), false);
    }

    /** @throws IllegalArgumentException content that is not base64 */
    static StreamContents extract(byte[] body) {
        List<byte[]> contents = new ArrayList<>();
        ByteArrayOutputStream rest = null;
        int copiedUpTo = 0;
        int i = indexOf(body, (byte) '<', 0);
        while (i >= 0) {
            int nameEnd = nameEnd(body, i + 1);
            if (!isStreamName(body, i + 1, nameEnd)) {
                i = indexOf(body, (byte) '<', i + 1);
                continue;
            }
            int tagEnd = startTagEnd(body, nameEnd);
            if (tagEnd < 0) {
                break; // unterminated: the parser says what is wrong
            }
            int contentEnd = body[tagEnd - 1] == '/' ? -1 : indexOf(body, (byte) '<', tagEnd + 1);
            if (contentEnd < 0 || contentEnd + 1 >= body.length || body[contentEnd + 1] != '/'
                    || indexOf(body, (byte) '&', tagEnd + 1, contentEnd) >= 0) {
                contents.add(IN_DOCUMENT);
                i = contentEnd < 0 ? indexOf(body, (byte) '<', tagEnd + 1) : contentEnd;
                continue;
            }
            int from = tagEnd + 1;
            contents.add(decode(body, from, contentEnd));
            if (rest == null) {
                rest = new ByteArrayOutputStream(Math.min(body.length, 8192));
            }
            rest.write(body, copiedUpTo, from - copiedUpTo);
            copiedUpTo = contentEnd;
            i = contentEnd;
        }
        if (rest == null) {
            return new StreamContents(body, contents, true);
        }
        rest.write(body, copiedUpTo, body.length - copiedUpTo);
        return new StreamContents(rest.toByteArray(), contents, true);
    }

    /** The bytes to parse. */
    byte[] document() {
        return document;
    }

    /** The content of the next Stream element in document order, or {@link #IN_DOCUMENT}. */
    byte[] next() {
        return taken < contents.size() ? contents.get(taken++) : nextBeyondFound();
    }

    /** Whether the parser met exactly the Stream elements found here. */
    boolean matched(int streamElementsSeen) {
        return !extracted || streamElementsSeen == contents.size();
    }

    private byte[] nextBeyondFound() {
        taken++;
        return IN_DOCUMENT;
    }

    private static byte[] decode(byte[] body, int from, int to) {
        ByteBuffer decoded;
        try {
            // Windows writes each chunk's base64 on one line: the plain decoder, which does not
            // pre-scan the text for line breaks as the MIME decoder does
            decoded = Base64.getDecoder().decode(ByteBuffer.wrap(body, from, to - from));
        } catch (IllegalArgumentException lineBreaksOrWorse) {
            decoded = Base64.getMimeDecoder().decode(ByteBuffer.wrap(body, from, to - from));
        }
        byte[] array = decoded.array();
        return decoded.limit() == array.length ? array : Arrays.copyOf(array, decoded.limit());
    }

    private static boolean isStreamName(byte[] b, int from, int to) {
        int length = to - from;
        if (length < STREAM.length) {
            return false;
        }
        int local = to - STREAM.length;
        for (int k = 0; k < STREAM.length; k++) {
            if (b[local + k] != STREAM[k]) {
                return false;
            }
        }
        return local == from || b[local - 1] == ':';
    }

    /** End of an element name starting at {@code from} (a '/', '!' or '?' there ends it at once). */
    private static int nameEnd(byte[] b, int from) {
        int k = from;
        while (k < b.length) {
            byte c = b[k];
            if (c == '>' || c == '/' || c == '!' || c == '?' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                break;
            }
            k++;
        }
        return k;
    }

    /** Index of the start tag's closing '>' (attribute values may hold one), or -1. */
    private static int startTagEnd(byte[] b, int from) {
        byte quote = 0;
        for (int k = from; k < b.length; k++) {
            byte c = b[k];
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return k;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, byte value, int from) {
        return indexOf(b, value, from, b.length);
    }

    private static int indexOf(byte[] b, byte value, int from, int to) {
        for (int k = from; k < to; k++) {
            if (b[k] == value) {
                return k;
            }
        }
        return -1;
    }
}
