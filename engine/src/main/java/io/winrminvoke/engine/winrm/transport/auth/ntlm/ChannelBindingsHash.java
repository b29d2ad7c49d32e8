package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import io.winrminvoke.engine.winrm.transport.auth.ChannelBindings;
import java.nio.ByteBuffer;

/**
 * The MsvAvChannelBindings value (MS-NLMP 2.2.2.1): MD5 of the gss_channel_bindings_struct
 * (RFC 2744 3.11, addresses empty as Windows sends them, then the application data), or 16
 * zero bytes when the connection has no TLS channel to bind to.
 */
final class ChannelBindingsHash {

    private ChannelBindingsHash() {
    }

    static byte[] of(ChannelBindings bindings) {
        if (!bindings.present()) {
            return new byte[16];
        }
        byte[] data = bindings.applicationData();
        ByteBuffer struct = WireFields.allocate(20 + data.length);
        struct.putInt(0).putInt(0)  // initiator address type and length
                .putInt(0).putInt(0) // acceptor address type and length
                .putInt(data.length).put(data);
        return NtlmCrypto.md5(struct.array());
    }
}
