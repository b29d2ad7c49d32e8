package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import java.nio.ByteBuffer;

/**
 * The client's first token, NEGOTIATE_MESSAGE (MS-NLMP 2.2.1.1): the flags it asks for and no
 * domain or workstation name (they are optional and only leak the client's names). The 8-byte
 * Version field is always there, zero as the flags ask no version: acceptors such as gss-ntlmssp
 * refuse the older 32-byte form.
 */
final class NegotiateMessage {

    private static final int LENGTH = 40;

    private NegotiateMessage() {
    }

    static byte[] encode(int flags) {
        ByteBuffer out = WireFields.allocate(LENGTH);
        out.put(WireFields.SIGNATURE).putInt(1).putInt(flags);
        WireFields.putSecurityBuffer(out, 0, LENGTH); // domain
        WireFields.putSecurityBuffer(out, 0, LENGTH); // workstation
        return out.array(); // Version: zeros
    }
}
