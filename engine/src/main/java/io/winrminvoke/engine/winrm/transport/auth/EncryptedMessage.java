package io.winrminvoke.engine.winrm.transport.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of a sealed WS-Management message (MS-WSMV 2.2.9.1.1): a MIME multipart whose first
 * part says what was sealed and how long it was, and whose second part holds a 32-bit
 * little-endian signature length, the signature, then the encrypted bytes. Windows seals a
 * SPNEGO message whole, in one such pair; a body may hold several pairs (the
 * {@code multipart/x-multi-encrypted} form Windows uses for chunked CredSSP), which are opened
 * in order and joined.
 */
public final class EncryptedMessage {

    public static final String SOAP_CONTENT_TYPE = "application/soap+xml;charset=UTF-8";
    static final String PROTOCOL = "application/HTTP-SPNEGO-session-encrypted";
    static final String BOUNDARY = "Encrypted Boundary";
    public static final String CONTENT_TYPE = "multipart/encrypted;protocol=\"" + PROTOCOL + "\";boundary=\""
            + BOUNDARY + "\"";

    private static final byte[] CRLF = {'\r', '\n'};
    private static final Pattern LENGTH = Pattern.compile("(?i)Length=(\\d{1,10})");
    private static final Pattern BOUNDARY_PARAMETER = Pattern.compile("(?i)boundary=\"?([^\";]+)\"?");
    /** Far above MaxEnvelopeSize: a length beyond it is a broken or hostile body, not a message. */
    private static final int MAX_PART_BYTES = 64 * 1024 * 1024;

    private EncryptedMessage() {
    }

    /** Whether a Content-Type names a sealed body. */
    public static boolean isEncrypted(String contentType) {
        if (contentType == null) {
            return false;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        return (lower.startsWith("multipart/encrypted") || lower.startsWith("multipart/x-multi-encrypted"))
                && lower.contains(PROTOCOL.toLowerCase(Locale.ROOT));
    }

    /** Seals {@code soap} with the next sequence number of {@code context} and frames it. */
    public static byte[] seal(SecurityContext context, byte[] soap) {
        SealedMessage sealed = context.wrap(soap);
        ByteArrayOutputStream out = new ByteArrayOutputStream(soap.length + sealed.signature().length + 256);
        String head = "--" + BOUNDARY + "\r\n"
                + "\tContent-Type: " + PROTOCOL + "\r\n"
                + "\tOriginalContent: type=" + SOAP_CONTENT_TYPE + ";Length=" + sealed.encrypted().length + "\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "\tContent-Type: application/octet-stream\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(sealed.signature().length).array());
        out.writeBytes(sealed.signature());
        out.writeBytes(sealed.encrypted());
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * Opens a sealed body: every part in order, each checked against the length it announces.
     *
     * @throws AuthProtocolException when the framing is broken or a part does not verify
     */
    public static byte[] open(SecurityContext context, String contentType, byte[] body) throws AuthProtocolException {
        byte[] delimiter = ("--" + boundaryOf(contentType)).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream plain = new ByteArrayOutputStream(body.length);
        int at = expect(body, 0, delimiter, "the opening boundary");
        at = expect(body, at, CRLF, "a line end after the boundary");
        while (true) {
            int next = indexOf(body, delimiter, at);
            if (next < 0) {
                throw broken("no second boundary after the part headers");
            }
            int length = announcedLength(new String(body, at, next - at, StandardCharsets.US_ASCII));
            at = expect(body, next + delimiter.length, CRLF, "a line end after the boundary");
            int lineEnd = indexOf(body, CRLF, at);
            if (lineEnd < 0 || !new String(body, at, lineEnd - at, StandardCharsets.US_ASCII).strip()
                    .equalsIgnoreCase("Content-Type: application/octet-stream")) {
                throw broken("the second part is not application/octet-stream");
            }
            at = lineEnd + CRLF.length;
            if (body.length - at < 4) {
                throw broken("the signature length is missing");
            }
            int signatureLength = ByteBuffer.wrap(body, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            at += 4;
            if (signatureLength < 0 || signatureLength > body.length - at || length > body.length - at - signatureLength) {
                throw broken("signature length " + signatureLength + " and length " + length + " exceed the body");
            }
            byte[] signature = java.util.Arrays.copyOfRange(body, at, at + signatureLength);
            at += signatureLength;
            byte[] encrypted = java.util.Arrays.copyOfRange(body, at, at + length);
            at += length;
            byte[] opened = context.unwrap(new SealedMessage(signature, encrypted));
            if (opened.length != length) {
                throw broken("a part opened to " + opened.length + " bytes, " + length + " announced");
            }
            plain.writeBytes(opened);
            at = expect(body, at, delimiter, "a boundary after the encrypted data");
            if (startsWith(body, at, new byte[] {'-', '-'})) {
                return plain.toByteArray(); // the closing boundary; a missing final CRLF is tolerated
            }
            at = expect(body, at, CRLF, "a line end after the boundary");
        }
    }

    private static String boundaryOf(String contentType) {
        Matcher m = contentType == null ? null : BOUNDARY_PARAMETER.matcher(contentType);
        return m != null && m.find() ? m.group(1).strip() : BOUNDARY;
    }

    private static int announcedLength(String headers) throws AuthProtocolException {
        if (!headers.toLowerCase(Locale.ROOT).contains(PROTOCOL.toLowerCase(Locale.ROOT))) {
            throw broken("the first part is not " + PROTOCOL);
        }
        int original = headers.indexOf("OriginalContent");
        Matcher m = LENGTH.matcher(original < 0 ? "" : headers.substring(original));
        if (!m.find()) {
            throw broken("the first part has no OriginalContent Length");
        }
        long length = Long.parseLong(m.group(1));
        if (length > MAX_PART_BYTES) {
            throw broken("announced length " + length + " is beyond any WS-Management message");
        }
        return (int) length;
    }

    private static int expect(byte[] body, int at, byte[] wanted, String what) throws AuthProtocolException {
        if (!startsWith(body, at, wanted)) {
            throw broken("expected " + what + " at byte " + at);
        }
        return at + wanted.length;
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at < 0 || body.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] wanted, int from) {
        for (int i = Math.max(0, from); i <= body.length - wanted.length; i++) {
            if (startsWith(body, i, wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static AuthProtocolException broken(String what) {
        return new AuthProtocolException("sealed message is malformed: " + what);
    }
}
