package io.winrminvoke.simulator.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of an encrypted WinRM message, MS-WSMV 2.2.9.1.1/2: a {@code multipart/encrypted} MIME
 * body with boundary {@code Encrypted Boundary}; one part names the protocol and the original
 * length, the next holds a 32-bit little-endian length, that many bytes of signature (NTLM) or
 * wrap-token header (Kerberos), then the sealed SOAP. Negotiate and Kerberos seal the whole
 * message as one part whatever its size (only CredSSP splits into 16 KiB parts); a request with
 * several parts ({@code multipart/x-multi-encrypted}) is still read part by part.
 */
public final class EncryptedBody {
    public static final String SPNEGO_PROTOCOL = "application/HTTP-SPNEGO-session-encrypted";
    public static final String KERBEROS_PROTOCOL = "application/HTTP-Kerberos-session-encrypted";
    private static final byte[] BOUNDARY = "--Encrypted Boundary".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA_HEADER = "\tContent-Type: application/octet-stream\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern PROTOCOL = Pattern.compile("protocol\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern LENGTH = Pattern.compile("Length=(\\d+)", Pattern.CASE_INSENSITIVE);

    /** One sealed part: the signature / token header, the sealed bytes, and the plaintext length announced. */
    public record Part(byte[] header, byte[] sealed, int originalLength) {
    }

    private EncryptedBody() {
    }

    /** Whether a request's Content-Type says its body is sealed. */
    public static boolean isEncrypted(String contentType) {
        if (contentType == null) {
            return false;
        }
        String c = contentType.trim().toLowerCase(Locale.ROOT);
        return c.startsWith("multipart/encrypted") || c.startsWith("multipart/x-multi-encrypted");
    }

    /** The {@code protocol} parameter of the Content-Type, or null. */
    public static String protocolOf(String contentType) {
        Matcher m = PROTOCOL.matcher(contentType);
        return m.find() ? m.group(1).trim() : null;
    }

    public static String contentType(String protocol) {
        return "multipart/encrypted;protocol=\"" + protocol + "\";boundary=\"Encrypted Boundary\"";
    }

    /** The parts of a sealed body, in order. */
    public static List<Part> parse(byte[] body) {
        List<Part> parts = new ArrayList<>();
        int p = 0;
        while (true) {
            p = expect(body, p, BOUNDARY, "boundary");
            if (startsWith(body, p, "--".getBytes(StandardCharsets.US_ASCII))) {
                if (parts.isEmpty()) {
                    throw new IllegalArgumentException("encrypted body has no part");
                }
                return parts;
            }
            p = expect(body, p, "\r\n".getBytes(StandardCharsets.US_ASCII), "CRLF after the boundary");
            int headerEnd = indexOf(body, BOUNDARY, p);
            if (headerEnd < 0) {
                throw new IllegalArgumentException("encrypted body ends inside the protocol part");
            }
            String headers = new String(body, p, headerEnd - p, StandardCharsets.US_ASCII);
            Matcher length = LENGTH.matcher(headers);
            if (!length.find()) {
                throw new IllegalArgumentException("encrypted part has no OriginalContent Length");
            }
            int original = Integer.parseInt(length.group(1));
            p = expect(body, headerEnd, BOUNDARY, "boundary");
            p = expect(body, p, "\r\n".getBytes(StandardCharsets.US_ASCII), "CRLF after the boundary");
            p = expect(body, p, DATA_HEADER, "the application/octet-stream part header");
            if (p + 4 > body.length) {
                throw new IllegalArgumentException("encrypted part ends before its signature length");
            }
            int signatureLength = ByteBuffer.wrap(body, p, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            p += 4;
            if (signatureLength < 0 || (long) p + signatureLength + original > body.length) {
                throw new IllegalArgumentException("encrypted part is shorter than its announced lengths");
            }
            byte[] header = Arrays.copyOfRange(body, p, p + signatureLength);
            p += signatureLength;
            byte[] sealed = Arrays.copyOfRange(body, p, p + original);
            p += original;
            parts.add(new Part(header, sealed, original));
        }
    }

    /** A one-part sealed body. */
    public static byte[] build(String protocol, Part part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOUNDARY);
        out.writeBytes(("\r\n\tContent-Type: " + protocol + "\r\n\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length="
                + part.originalLength() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(BOUNDARY);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(DATA_HEADER);
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(part.header().length).array());
        out.writeBytes(part.header());
        out.writeBytes(part.sealed());
        out.writeBytes(BOUNDARY);
        out.writeBytes("--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static int expect(byte[] body, int p, byte[] what, String name) {
        if (!startsWith(body, p, what)) {
            throw new IllegalArgumentException("encrypted body: expected " + name + " at byte " + p);
        }
        return p + what.length;
    }

    private static boolean startsWith(byte[] body, int p, byte[] what) {
        return p + what.length <= body.length && Arrays.equals(body, p, p + what.length, what, 0, what.length);
    }

    private static int indexOf(byte[] body, byte[] what, int from) {
        for (int i = from; i + what.length <= body.length; i++) {
            if (startsWith(body, i, what)) {
                return i;
            }
        }
        return -1;
    }
}
