package io.winrminvoke.simulator.auth;

/** Message protection of an established security context (NTLM sealing or a Kerberos wrap). */
interface SessionSeal {
    /** Seals a response: the signature / token header, and the sealed bytes (same length as the input). */
    EncryptedBody.Part seal(byte[] plaintext);

    /** Unseals a request part; throws when it does not verify. */
    byte[] unseal(EncryptedBody.Part part);
}
