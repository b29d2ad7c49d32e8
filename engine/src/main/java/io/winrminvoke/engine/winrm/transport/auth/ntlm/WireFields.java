package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The field encodings every NTLM message shares (MS-NLMP 2.2): little-endian integers, UTF-16LE
 * strings and the 8-byte "security buffer" (length, allocated length, offset) that points into
 * the message's payload.
 */
final class WireFields {

    static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

    private WireFields() {
    }

    static ByteBuffer littleEndian(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static ByteBuffer allocate(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }

    static String utf16(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_16LE);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /**
     * Reads the bytes a security buffer at {@code fieldOffset} points to.
     *
     * @throws IllegalArgumentException when the buffer points outside the message
     */
    static byte[] readSecurityBuffer(byte[] message, int fieldOffset) {
        ByteBuffer in = littleEndian(message);
        int length = Short.toUnsignedInt(in.getShort(fieldOffset));
        long offset = Integer.toUnsignedLong(in.getInt(fieldOffset + 4));
        if (length == 0) {
            return new byte[0];
        }
        if (offset + length > message.length) {
            throw new IllegalArgumentException("a field points past the end of the message");
        }
        byte[] out = new byte[length];
        System.arraycopy(message, (int) offset, out, 0, length);
        return out;
    }

    /** Writes a security buffer (length twice, then offset) at the buffer's position. */
    static void putSecurityBuffer(ByteBuffer out, int length, int offset) {
        out.putShort((short) length).putShort((short) length).putInt(offset);
    }
}
