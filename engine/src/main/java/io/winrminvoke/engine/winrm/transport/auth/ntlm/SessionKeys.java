package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import java.nio.charset.StandardCharsets;

/**
 * The four keys of one NTLM session (MS-NLMP 3.4.5.2 SIGNKEY, 3.4.5.3 SEALKEY, extended session
 * security with 128-bit keys): each direction signs and seals with its own key, so a message
 * cannot be reflected back to its sender.
 */
record SessionKeys(byte[] clientSigningKey, byte[] clientSealingKey, byte[] serverSigningKey,
                   byte[] serverSealingKey) {

    static SessionKeys derive(byte[] exportedSessionKey) {
        return new SessionKeys(
                derive(exportedSessionKey, "session key to client-to-server signing key magic constant"),
                derive(exportedSessionKey, "session key to client-to-server sealing key magic constant"),
                derive(exportedSessionKey, "session key to server-to-client signing key magic constant"),
                derive(exportedSessionKey, "session key to server-to-client sealing key magic constant"));
    }

    private static byte[] derive(byte[] key, String magic) {
        // The constants are NUL-terminated C strings in the specification; the NUL is hashed too.
        return NtlmCrypto.md5(key, (magic + "\0").getBytes(StandardCharsets.US_ASCII));
    }
}
