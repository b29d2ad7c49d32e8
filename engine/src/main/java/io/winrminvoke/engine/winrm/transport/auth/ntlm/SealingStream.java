package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import io.winrminvoke.engine.winrm.transport.auth.AuthProtocolException;
import io.winrminvoke.engine.winrm.transport.auth.SealedMessage;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * One direction of an NTLM session (MS-NLMP 3.4.3 SEAL, 3.4.4.2 MAC with extended session
 * security and key exchange): an RC4 keystream that runs across every message, a signing key
 * and a sequence number. The message is encrypted first and its checksum next, from the same
 * keystream, so both sides must process every message in order; a message that fails to verify
 * leaves the keystream out of step and the stream refuses everything after it.
 */
final class SealingStream {

    static final int SIGNATURE_LENGTH = 16;

    private final Cipher rc4;
    private final byte[] signingKey;
    private int sequenceNumber;
    private boolean broken;

    SealingStream(byte[] signingKey, byte[] sealingKey) {
        this.rc4 = NtlmCrypto.rc4(sealingKey);
        this.signingKey = signingKey.clone();
    }

    SealedMessage seal(byte[] plaintext) {
        byte[] encrypted = rc4.update(plaintext);
        byte[] signature = sign(plaintext);
        return new SealedMessage(signature, encrypted == null ? new byte[0] : encrypted);
    }

    byte[] unseal(SealedMessage sealed) throws AuthProtocolException {
        if (broken) {
            throw new AuthProtocolException("the NTLM session is out of step after a message that failed to verify;"
                    + " it needs a new connection");
        }
        if (sealed.signature() == null || sealed.signature().length != SIGNATURE_LENGTH || sealed.encrypted() == null) {
            broken = true;
            throw new AuthProtocolException("the host's sealed message has no 16-byte NTLM signature");
        }
        int expectedSequence = sequenceNumber;
        byte[] decrypted = rc4.update(sealed.encrypted());
        byte[] plaintext = decrypted == null ? new byte[0] : decrypted;
        byte[] expected = sign(plaintext);
        if (!MessageDigest.isEqual(expected, sealed.signature())) {
            broken = true;
            int claimed = WireFields.littleEndian(sealed.signature()).getInt(12);
            throw new AuthProtocolException(claimed != expectedSequence
                    ? "the host's sealed message is out of sequence (number " + Integer.toUnsignedString(claimed)
                            + ", expected " + expectedSequence + "): replayed, reordered or lost"
                    : "the host's sealed message failed its NTLM signature check: altered, or sealed with another key");
        }
        return plaintext;
    }

    /** The 16-byte NTLMSSP_MESSAGE_SIGNATURE: version 1, RC4 of the HMAC's first 8 bytes, sequence. */
    private byte[] sign(byte[] message) {
        byte[] sequence = WireFields.allocate(4).putInt(sequenceNumber).array();
        byte[] checksum = rc4.update(Arrays.copyOf(NtlmCrypto.hmacMd5(signingKey, sequence, message), 8));
        ByteBuffer signature = WireFields.allocate(SIGNATURE_LENGTH);
        signature.putInt(1).put(checksum).put(sequence);
        sequenceNumber++;
        return signature.array();
    }
}
