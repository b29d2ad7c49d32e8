package io.winrminvoke.simulator.auth.ntlm;

import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/** A running RC4 key stream: NTLM seals every message of a connection with one continuing handle. */
final class Rc4 {
    private final byte[] key;
    private RC4Engine engine;

    Rc4(byte[] key) {
        this.key = key.clone();
        reset();
    }

    byte[] apply(byte[] data) {
        byte[] out = new byte[data.length];
        engine.processBytes(data, 0, data.length, out, 0);
        return out;
    }

    /** Starts the key stream over (MS-SPNG: after the mechListMIC the first message reuses the fresh state). */
    void reset() {
        engine = new RC4Engine();
        engine.init(true, new KeyParameter(key));
    }
}
