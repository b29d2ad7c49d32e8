package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import java.nio.ByteBuffer;

/**
 * The client's last token, AUTHENTICATE_MESSAGE (MS-NLMP 2.2.1.3). Its payload is laid out as
 * Windows lays it (domain, user, workstation, LM, NT, session key); the 16-byte MIC field, when
 * present, sits at {@link #MIC_OFFSET} and is filled in after the whole message is known, since
 * the MIC covers the message itself.
 */
record AuthenticateMessage(int flags, byte[] version, byte[] lmChallengeResponse, byte[] ntChallengeResponse,
                           String domain, String user, String workstation, byte[] encryptedRandomSessionKey,
                           boolean micPresent) {

    static final int MIC_OFFSET = 72;

    byte[] encode() {
        byte[] domainBytes = WireFields.utf16(domain);
        byte[] userBytes = WireFields.utf16(user);
        byte[] workstationBytes = WireFields.utf16(workstation);
        int header = MIC_OFFSET + (micPresent ? 16 : 0);
        byte[] payload = WireFields.concat(domainBytes, userBytes, workstationBytes, lmChallengeResponse,
                ntChallengeResponse, encryptedRandomSessionKey);

        ByteBuffer out = WireFields.allocate(header + payload.length);
        out.put(WireFields.SIGNATURE).putInt(3);
        int at = header;
        int domainAt = at;
        int userAt = domainAt + domainBytes.length;
        int workstationAt = userAt + userBytes.length;
        int lmAt = workstationAt + workstationBytes.length;
        int ntAt = lmAt + lmChallengeResponse.length;
        int keyAt = ntAt + ntChallengeResponse.length;
        WireFields.putSecurityBuffer(out, lmChallengeResponse.length, lmAt);
        WireFields.putSecurityBuffer(out, ntChallengeResponse.length, ntAt);
        WireFields.putSecurityBuffer(out, domainBytes.length, domainAt);
        WireFields.putSecurityBuffer(out, userBytes.length, userAt);
        WireFields.putSecurityBuffer(out, workstationBytes.length, workstationAt);
        WireFields.putSecurityBuffer(out, encryptedRandomSessionKey.length, keyAt);
        out.putInt(flags).put(version);
        out.position(header);
        out.put(payload);
        return out.array();
    }

    /** The encoded message with its MIC field filled in. */
    static byte[] withMic(byte[] encoded, byte[] mic) {
        byte[] out = encoded.clone();
        System.arraycopy(mic, 0, out, MIC_OFFSET, 16);
        return out;
    }
}
