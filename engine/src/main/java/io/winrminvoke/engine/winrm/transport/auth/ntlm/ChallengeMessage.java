package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The host's CHALLENGE_MESSAGE (MS-NLMP 2.2.1.2): its flags, its 8-byte nonce and its target
 * information. Only the fields NTLMv2 needs are read.
 */
record ChallengeMessage(int flags, byte[] serverChallenge, TargetInfo targetInfo) {

    private static final int MIN_LENGTH = 48;

    /**
     * @throws IllegalArgumentException naming what is wrong when the bytes are not a CHALLENGE
     *                                  message this client can answer
     */
    static ChallengeMessage parse(byte[] token) {
        if (token.length < 12 || !Arrays.equals(token, 0, 8, WireFields.SIGNATURE, 0, 8)) {
            throw new IllegalArgumentException(token.length > 0 && (token[0] == 0x60 || token[0] == (byte) 0xa1)
                    ? "the host answered with a SPNEGO token, not a raw NTLMSSP message"
                    : "the host's token is not an NTLMSSP message");
        }
        ByteBuffer in = WireFields.littleEndian(token);
        if (in.getInt(8) != 2) {
            throw new IllegalArgumentException("the host's token is NTLMSSP message type " + in.getInt(8)
                    + ", not a CHALLENGE (2)");
        }
        if (token.length < MIN_LENGTH) {
            throw new IllegalArgumentException("the host's CHALLENGE message is cut short (" + token.length + " bytes)");
        }
        int flags = in.getInt(20);
        byte[] serverChallenge = Arrays.copyOfRange(token, 24, 32);
        byte[] targetInfo = WireFields.readSecurityBuffer(token, 40);
        if (!NegotiateFlags.has(flags, NegotiateFlags.TARGET_INFO) || targetInfo.length == 0) {
            throw new IllegalArgumentException("the host's challenge carries no target information, which NTLMv2 needs");
        }
        return new ChallengeMessage(flags, serverChallenge, TargetInfo.parse(targetInfo));
    }
}
