package io.winrminvoke.simulator.auth.ntlm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reading the fixed layout of MS-NLMP 2.2.1 messages: signature, type, (len, maxlen, offset) fields. */
final class NtlmMessage {
    static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    static final int NEGOTIATE = 1;
    static final int CHALLENGE = 2;
    static final int AUTHENTICATE = 3;

    private final byte[] bytes;
    private final ByteBuffer b;

    NtlmMessage(byte[] bytes, int expectedType) {
        if (bytes.length < 12 || !Arrays.equals(Arrays.copyOf(bytes, 8), SIGNATURE)) {
            throw new NtlmException("not an NTLMSSP message");
        }
        this.bytes = bytes;
        this.b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int type = b.getInt(8);
        if (type != expectedType) {
            throw new NtlmException("NTLM message type " + type + " where type " + expectedType + " was expected");
        }
    }

    static boolean isNtlm(byte[] token) {
        return token.length >= 8 && Arrays.equals(Arrays.copyOf(token, 8), SIGNATURE);
    }

    int int32(int offset) {
        need(offset + 4);
        return b.getInt(offset);
    }

    /** The payload a (len, maxlen, offset) field at {@code fieldOffset} points to. */
    byte[] field(int fieldOffset) {
        need(fieldOffset + 8);
        int len = b.getShort(fieldOffset) & 0xFFFF;
        int offset = b.getInt(fieldOffset + 4);
        if (len == 0) {
            return new byte[0];
        }
        if (offset < 0 || (long) offset + len > bytes.length) {
            throw new NtlmException("NTLM field at " + fieldOffset + " points past the end of the message");
        }
        return Arrays.copyOfRange(bytes, offset, offset + len);
    }

    /** Smallest payload offset of the given fields with a non-empty value: where the fixed part ends. */
    int payloadStart(int... fieldOffsets) {
        int min = bytes.length;
        for (int f : fieldOffsets) {
            need(f + 8);
            if ((b.getShort(f) & 0xFFFF) != 0) {
                min = Math.min(min, b.getInt(f + 4));
            }
        }
        return min;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    private void need(int length) {
        if (bytes.length < length) {
            throw new NtlmException("NTLM message is truncated (" + bytes.length + " bytes)");
        }
    }
}
