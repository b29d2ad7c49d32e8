package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The AV_PAIR list (MS-NLMP 2.2.2.1) the host sends in its challenge and the client returns,
 * extended, inside its NTLMv2 response; the response's HMAC covers it, so the host can trust
 * the SPN, channel binding hash and MIC flag the client adds.
 */
record TargetInfo(List<AvPair> pairs) {

    static final int EOL = 0x0000;
    static final int NB_COMPUTER_NAME = 0x0001;
    static final int NB_DOMAIN_NAME = 0x0002;
    static final int FLAGS = 0x0006;
    static final int TIMESTAMP = 0x0007;
    static final int TARGET_NAME = 0x0009;
    static final int CHANNEL_BINDINGS = 0x000A;

    /** MsvAvFlags bit: the AUTHENTICATE message carries a MIC. */
    static final int FLAG_MIC_PRESENT = 0x00000002;

    record AvPair(int id, byte[] value) {
    }

    TargetInfo {
        pairs = List.copyOf(pairs);
    }

    /**
     * @throws IllegalArgumentException when a pair runs past the end or the list has no MsvAvEOL
     */
    static TargetInfo parse(byte[] encoded) {
        ByteBuffer in = WireFields.littleEndian(encoded);
        List<AvPair> pairs = new ArrayList<>();
        while (in.remaining() >= 4) {
            int id = Short.toUnsignedInt(in.getShort());
            int length = Short.toUnsignedInt(in.getShort());
            if (id == EOL) {
                return new TargetInfo(pairs);
            }
            if (length > in.remaining()) {
                throw new IllegalArgumentException("the target information runs past its end");
            }
            byte[] value = new byte[length];
            in.get(value);
            pairs.add(new AvPair(id, value));
        }
        throw new IllegalArgumentException("the target information has no end marker");
    }

    Optional<byte[]> get(int id) {
        return pairs.stream().filter(p -> p.id() == id).map(AvPair::value).findFirst();
    }

    /** The pairs without those the client sets itself; the caller appends its own. */
    TargetInfo without(Set<Integer> ids) {
        return new TargetInfo(pairs.stream().filter(p -> !ids.contains(p.id())).toList());
    }

    TargetInfo with(int id, byte[] value) {
        List<AvPair> more = new ArrayList<>(pairs);
        more.add(new AvPair(id, value.clone()));
        return new TargetInfo(more);
    }

    byte[] encode() {
        int length = 4;
        for (AvPair pair : pairs) {
            length += 4 + pair.value().length;
        }
        ByteBuffer out = WireFields.allocate(length);
        for (AvPair pair : pairs) {
            out.putShort((short) pair.id()).putShort((short) pair.value().length).put(pair.value());
        }
        out.putShort((short) EOL).putShort((short) 0);
        return out.array();
    }
}
