package io.winrminvoke.simulator.auth.ntlm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Sealing and signing of an established NTLM context, acceptor side (MS-NLMP 3.4 with extended
 * session security): outgoing messages use the server-to-client keys, incoming ones the
 * client-to-server keys; each direction has its own RC4 stream and sequence number.
 */
public final class NtlmSessionSecurity {
    static final int SIGNATURE_LENGTH = 16;

    private final boolean keyExchange;
    private final byte[] outgoingSigningKey;
    private final byte[] incomingSigningKey;
    private final Rc4 outgoingSeal;
    private final Rc4 incomingSeal;
    private int outgoingSequence;
    private int incomingSequence;

    NtlmSessionSecurity(byte[] exportedSessionKey, int flags) {
        this.keyExchange = NtlmFlags.has(flags, NtlmFlags.KEY_EXCH);
        this.outgoingSigningKey = derive(exportedSessionKey, "session key to server-to-client signing key magic constant");
        this.incomingSigningKey = derive(exportedSessionKey, "session key to client-to-server signing key magic constant");
        byte[] sealBase = sealBase(exportedSessionKey, flags);
        this.outgoingSeal = new Rc4(derive(sealBase, "session key to server-to-client sealing key magic constant"));
        this.incomingSeal = new Rc4(derive(sealBase, "session key to client-to-server sealing key magic constant"));
    }

    private static byte[] derive(byte[] key, String magic) {
        return NtlmCrypto.md5(key, (magic + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    /** SEALKEY's weakening for clients that did not negotiate 128-bit keys. */
    private static byte[] sealBase(byte[] key, int flags) {
        if (NtlmFlags.has(flags, NtlmFlags.KEY_128)) {
            return key;
        }
        return Arrays.copyOf(key, NtlmFlags.has(flags, NtlmFlags.KEY_56) ? 7 : 5);
    }

    /** Seals a message for the client: {@code [0]} the 16-byte signature, {@code [1]} the sealed bytes. */
    public synchronized byte[][] seal(byte[] message) {
        byte[] sealed = outgoingSeal.apply(message);
        byte[] signature = signature(outgoingSigningKey, outgoingSeal, outgoingSequence++, message);
        return new byte[][] {signature, sealed};
    }

    /** Unseals a message from the client and checks its signature and sequence number. */
    public synchronized byte[] unseal(byte[] signature, byte[] sealed) {
        byte[] message = incomingSeal.apply(sealed);
        verify(signature, message);
        return message;
    }

    /** Verifies the client's SPNEGO mechListMIC, then restarts the incoming RC4 stream (MS-SPNG 3.3.5.1). */
    public synchronized void verifyMechListMic(byte[] mic, byte[] mechTypes) {
        verify(mic, mechTypes);
        incomingSeal.reset();
    }

    /** The acceptor's mechListMIC; the outgoing RC4 stream then starts again, sequence numbers go on. */
    public synchronized byte[] signMechListMic(byte[] mechTypes) {
        byte[] mic = signature(outgoingSigningKey, outgoingSeal, outgoingSequence++, mechTypes);
        outgoingSeal.reset();
        return mic;
    }

    private void verify(byte[] signature, byte[] message) {
        byte[] expected = signature(incomingSigningKey, incomingSeal, incomingSequence++, message);
        if (signature.length != SIGNATURE_LENGTH || !MessageDigest.isEqual(expected, signature)) {
            throw new NtlmException("NTLM message signature does not verify (tampered, or out of sequence)");
        }
    }

    private byte[] signature(byte[] signingKey, Rc4 seal, int sequence, byte[] message) {
        ByteBuffer seq = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(sequence);
        byte[] checksum = Arrays.copyOf(NtlmCrypto.hmacMd5(signingKey, seq.array(), message), 8);
        if (keyExchange) {
            checksum = seal.apply(checksum);
        }
        return ByteBuffer.allocate(SIGNATURE_LENGTH).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(1).put(checksum).putInt(sequence).array();
    }
}
