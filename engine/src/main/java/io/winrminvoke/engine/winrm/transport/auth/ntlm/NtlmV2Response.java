package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import java.nio.ByteBuffer;

/**
 * The NTLMv2 answer to a challenge (MS-NLMP 3.3.2): the NT response (NTProofStr followed by the
 * client's blob), the LM response and the session base key they yield. NTLMv1 and LM are never
 * computed: the LM field carries LMv2, or zeros when the host sent a timestamp.
 */
record NtlmV2Response(byte[] ntChallengeResponse, byte[] lmChallengeResponse, byte[] sessionBaseKey) {

    /** NTOWFv2: HMAC-MD5 of the upper-cased user and the domain under the NT hash of the password. */
    static byte[] responseKey(NtlmCredentials credentials, String domain) {
        byte[] ntHash = NtlmCrypto.md4(WireFields.utf16(credentials.password()));
        return NtlmCrypto.hmacMd5(ntHash, WireFields.utf16(upperCase(credentials.user()) + domain));
    }

    /** Character by character, as Windows upper-cases (RtlUpcaseUnicodeString): the length never changes. */
    private static String upperCase(String user) {
        char[] chars = user.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toUpperCase(chars[i]);
        }
        return new String(chars);
    }

    /**
     * @param fileTime   the blob's time stamp, in 100 ns ticks since 1601 (the host's own when it
     *                   sent one)
     * @param targetInfo the AV pairs the client returns, encoded with their end marker
     * @param zeroLm     true when the host sent a time stamp: the LM response is then 24 zeros
     */
    static NtlmV2Response compute(byte[] responseKey, byte[] serverChallenge, byte[] clientChallenge,
                                  long fileTime, byte[] targetInfo, boolean zeroLm) {
        ByteBuffer blob = WireFields.allocate(28 + targetInfo.length + 4);
        blob.put((byte) 1).put((byte) 1).put(new byte[6]).putLong(fileTime).put(clientChallenge)
                .put(new byte[4]).put(targetInfo).put(new byte[4]);
        byte[] temp = blob.array();
        byte[] ntProof = NtlmCrypto.hmacMd5(responseKey, serverChallenge, temp);
        byte[] lm = zeroLm ? new byte[24]
                : WireFields.concat(NtlmCrypto.hmacMd5(responseKey, serverChallenge, clientChallenge), clientChallenge);
        return new NtlmV2Response(WireFields.concat(ntProof, temp), lm, NtlmCrypto.hmacMd5(responseKey, ntProof));
    }
}
