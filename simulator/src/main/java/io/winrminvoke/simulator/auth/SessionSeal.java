package io.winrminvoke.simulator.auth;

import java.util.function.BinaryOperator;
import java.util.function.Function;

/** Message protection of an established security context (NTLM sealing or a Kerberos wrap). */
interface SessionSeal {
    /** Seals a response: the signature / token header, and the sealed bytes (same length as the input). */
    EncryptedBody.Part seal(byte[] plaintext);

    /** Unseals a request part; throws when it does not verify. */
    byte[] unseal(EncryptedBody.Part part);

    /**
     * A seal from a mechanism's own two operations: {@code wrap} gives {header, sealed},
     * {@code unwrap} takes (header, sealed).
     */
    static SessionSeal of(Function<byte[], byte[][]> wrap, BinaryOperator<byte[]> unwrap) {
        return new SessionSeal() {
            @Override
            public EncryptedBody.Part seal(byte[] plaintext) {
                byte[][] sealed = wrap.apply(plaintext);
                return new EncryptedBody.Part(sealed[0], sealed[1], plaintext.length);
            }

            @Override
            public byte[] unseal(EncryptedBody.Part part) {
                return unwrap.apply(part.header(), part.sealed());
            }
        };
    }
}
