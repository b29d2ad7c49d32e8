package io.winrminvoke.simulator.auth.ntlm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/** The AV_PAIR list of MS-NLMP 2.2.2.1: the server's TargetInfo and the client's copy of it inside NTLMv2. */
final class AvPairs {
    static final int EOL = 0x0000;
    static final int NB_COMPUTER_NAME = 0x0001;
    static final int NB_DOMAIN_NAME = 0x0002;
    static final int DNS_COMPUTER_NAME = 0x0003;
    static final int DNS_DOMAIN_NAME = 0x0004;
    static final int FLAGS = 0x0006;
    static final int TIMESTAMP = 0x0007;
    static final int CHANNEL_BINDINGS = 0x000A;
    /** MsvAvFlags bit: the AUTHENTICATE_MESSAGE carries a MIC. */
    static final int FLAG_MIC_PRESENT = 0x00000002;

    private final Map<Integer, byte[]> values;

    private AvPairs(Map<Integer, byte[]> values) {
        this.values = values;
    }

    static AvPairs parse(byte[] data, int offset) {
        Map<Integer, byte[]> values = new LinkedHashMap<>();
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int p = offset;
        while (p + 4 <= data.length) {
            int id = b.getShort(p) & 0xFFFF;
            int len = b.getShort(p + 2) & 0xFFFF;
            if (id == EOL) {
                return new AvPairs(values);
            }
            if (p + 4 + len > data.length) {
                throw new NtlmException("AV_PAIR " + id + " runs past the end of its message");
            }
            byte[] v = new byte[len];
            System.arraycopy(data, p + 4, v, 0, len);
            values.putIfAbsent(id, v);
            p += 4 + len;
        }
        throw new NtlmException("AV_PAIR list without MsvAvEOL");
    }

    byte[] get(int id) {
        byte[] v = values.get(id);
        return v == null ? null : v.clone();
    }

    int flags() {
        byte[] v = values.get(FLAGS);
        return v == null || v.length < 4 ? 0 : ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /** Builds a TargetInfo list, ending with MsvAvEOL. */
    static byte[] build(Map<Integer, byte[]> pairs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<Integer, byte[]> e : pairs.entrySet()) {
            writePair(out, e.getKey(), e.getValue());
        }
        writePair(out, EOL, new byte[0]);
        return out.toByteArray();
    }

    private static void writePair(ByteArrayOutputStream out, int id, byte[] value) {
        ByteBuffer h = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort((short) id).putShort((short) value.length);
        out.writeBytes(h.array());
        out.writeBytes(value);
    }
}
