package io.winrminvoke.simulator.auth.ntlm;

import io.winrminvoke.simulator.auth.cbt.CbtHardeningLevel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The server side of one NTLM handshake, written from MS-NLMP: NEGOTIATE in, CHALLENGE out,
 * AUTHENTICATE in. Only NTLMv2 is accepted (an NTLMv1 or LM-only response is refused, as a
 * hardened Windows refuses it); the NTProofStr is checked against the configured password, the
 * MIC against the three messages, the channel bindings per {@link CbtHardeningLevel}.
 */
public final class NtlmAcceptor {
    /** Flags the acceptor can grant; the CHALLENGE carries the client's request intersected with these. */
    private static final int SUPPORTED = NtlmFlags.UNICODE | NtlmFlags.REQUEST_TARGET | NtlmFlags.SIGN
            | NtlmFlags.SEAL | NtlmFlags.NTLM | NtlmFlags.ALWAYS_SIGN | NtlmFlags.EXTENDED_SESSION_SECURITY
            | NtlmFlags.VERSION | NtlmFlags.KEY_128 | NtlmFlags.KEY_EXCH | NtlmFlags.KEY_56;
    /** Windows Server 2019 (10.0.17763), NTLM revision 15. */
    private static final byte[] VERSION = {10, 0, 0x63, 0x45, 0, 0, 0, 15};
    private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

    private final NtlmAccount account;
    private final String password;
    private final String computerName;
    private final byte[] expectedBindings;
    private final CbtHardeningLevel cbtLevel;
    private final SecureRandom random;

    private byte[] negotiateMessage;
    private byte[] challengeMessage;
    private byte[] serverChallenge;
    private String authenticatedUser;

    /**
     * @param computerName     the host's NetBIOS name (e.g. {@code HOST-000}), its local accounts' domain
     * @param expectedBindings MD5 of this connection's channel bindings, or null on plain HTTP
     */
    public NtlmAcceptor(NtlmAccount account, String password, String computerName, byte[] expectedBindings,
                        CbtHardeningLevel cbtLevel, SecureRandom random) {
        this.account = account;
        this.password = password;
        this.computerName = computerName.toUpperCase(Locale.ROOT);
        this.expectedBindings = expectedBindings == null ? null : expectedBindings.clone();
        this.cbtLevel = cbtLevel;
        this.random = random;
    }

    public static boolean isNtlmToken(byte[] token) {
        return NtlmMessage.isNtlm(token);
    }

    /** Reads the client's NEGOTIATE_MESSAGE and returns the CHALLENGE_MESSAGE. */
    public byte[] challenge(byte[] negotiate) {
        NtlmMessage m = new NtlmMessage(negotiate, NtlmMessage.NEGOTIATE);
        int requested = m.int32(12);
        // MS-NLMP 3.2.5.1.1: Unicode when the client offers it, else OEM (ntlm-auth offers only OEM)
        boolean unicode = NtlmFlags.has(requested, NtlmFlags.UNICODE);
        negotiateMessage = negotiate.clone();
        serverChallenge = new byte[8];
        random.nextBytes(serverChallenge);

        String targetName = account.local() ? computerName : account.netbiosDomain();
        int flags = (requested & SUPPORTED) | (unicode ? NtlmFlags.UNICODE : NtlmFlags.OEM) | NtlmFlags.NTLM
                | NtlmFlags.TARGET_INFO
                | NtlmFlags.VERSION | NtlmFlags.EXTENDED_SESSION_SECURITY
                | (account.local() ? NtlmFlags.TARGET_TYPE_SERVER : NtlmFlags.TARGET_TYPE_DOMAIN);
        if (NtlmFlags.has(requested, NtlmFlags.KEY_128)) {
            flags &= ~NtlmFlags.KEY_56; // MS-NLMP: 128 wins when both are asked for
        }
        Map<Integer, byte[]> info = new LinkedHashMap<>();
        String dnsComputer = computerName.toLowerCase(Locale.ROOT)
                + (account.dnsDomain() == null ? "" : "." + account.dnsDomain());
        info.put(AvPairs.NB_DOMAIN_NAME, NtlmCrypto.utf16(targetName));
        info.put(AvPairs.NB_COMPUTER_NAME, NtlmCrypto.utf16(computerName));
        info.put(AvPairs.DNS_DOMAIN_NAME, NtlmCrypto.utf16(account.dnsDomain() == null
                ? computerName.toLowerCase(Locale.ROOT) : account.dnsDomain()));
        info.put(AvPairs.DNS_COMPUTER_NAME, NtlmCrypto.utf16(dnsComputer));
        // a timestamp makes clients send a MIC (MS-NLMP 3.1.5.1.2), as they do against Windows
        info.put(AvPairs.TIMESTAMP, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(fileTime(Instant.now())).array());
        byte[] targetInfo = AvPairs.build(info);
        byte[] target = unicode ? NtlmCrypto.utf16(targetName) : targetName.getBytes(StandardCharsets.ISO_8859_1);

        int payload = 56;
        ByteBuffer b = ByteBuffer.allocate(payload + target.length + targetInfo.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NtlmMessage.SIGNATURE).putInt(NtlmMessage.CHALLENGE);
        b.putShort((short) target.length).putShort((short) target.length).putInt(payload);
        b.putInt(flags).put(serverChallenge).putLong(0);
        b.putShort((short) targetInfo.length).putShort((short) targetInfo.length).putInt(payload + target.length);
        b.put(VERSION).put(target).put(targetInfo);
        challengeMessage = b.array();
        return challengeMessage.clone();
    }

    /**
     * Verifies the client's AUTHENTICATE_MESSAGE and returns the session's sealing state.
     *
     * @throws NtlmException wrong user or password, NTLMv1/LM, a bad MIC or bindings
     */
    public NtlmSessionSecurity authenticate(byte[] authenticate) {
        if (challengeMessage == null) {
            throw new NtlmException("AUTHENTICATE_MESSAGE before any CHALLENGE on this connection");
        }
        NtlmMessage m = new NtlmMessage(authenticate, NtlmMessage.AUTHENTICATE);
        int flags = m.int32(60);
        if (NtlmFlags.has(flags, NtlmFlags.ANONYMOUS)) {
            throw new NtlmException("anonymous NTLM logon refused");
        }
        byte[] nt = m.field(20);
        if (nt.length == 0) {
            throw new NtlmException("no NT response (anonymous or LM-only logon refused)");
        }
        if (nt.length == 24) {
            throw new NtlmException("NTLMv1 response refused; only NTLMv2 is accepted");
        }
        if (nt.length < 16 + 28) {
            throw new NtlmException("NTLMv2 response too short (" + nt.length + " bytes)");
        }
        boolean unicode = NtlmFlags.has(flags, NtlmFlags.UNICODE);
        String domain = text(m.field(28), unicode);
        String user = text(m.field(36), unicode);
        if (!account.isNamedBy(user, domain, computerName)) {
            throw new NtlmException("unknown user '" + domain + "\\" + user + "'");
        }
        byte[] proof = Arrays.copyOf(nt, 16);
        byte[] blob = Arrays.copyOfRange(nt, 16, nt.length);
        if (blob[0] != 1 || blob[1] != 1) {
            throw new NtlmException("NTLMv2 response has an unknown version " + blob[0] + "." + blob[1]);
        }
        byte[] responseKey = NtlmCrypto.ntowfv2(password, user, domain);
        byte[] expectedProof = NtlmCrypto.hmacMd5(responseKey, serverChallenge, blob);
        if (!MessageDigest.isEqual(proof, expectedProof)) {
            throw new NtlmException("wrong password for '" + domain + "\\" + user + "'");
        }
        AvPairs clientInfo = AvPairs.parse(blob, 28);
        if (!cbtLevel.accepts(expectedBindings, clientInfo.get(AvPairs.CHANNEL_BINDINGS))) {
            throw new NtlmException("channel binding token missing or wrong (CbtHardeningLevel "
                    + cbtLevel.jsonName() + ")");
        }

        byte[] sessionBaseKey = NtlmCrypto.hmacMd5(responseKey, proof);
        byte[] exportedSessionKey = sessionBaseKey;
        if (NtlmFlags.has(flags, NtlmFlags.KEY_EXCH)) {
            byte[] encrypted = m.field(52);
            if (encrypted.length != 16) {
                throw new NtlmException("KEY_EXCH negotiated but EncryptedRandomSessionKey is " + encrypted.length + " bytes");
            }
            exportedSessionKey = NtlmCrypto.rc4(sessionBaseKey, encrypted);
        }
        if ((clientInfo.flags() & AvPairs.FLAG_MIC_PRESENT) != 0) {
            verifyMic(m, authenticate, exportedSessionKey);
        }
        authenticatedUser = domain.isEmpty() ? user : domain + "\\" + user;
        return new NtlmSessionSecurity(exportedSessionKey, flags);
    }

    private void verifyMic(NtlmMessage m, byte[] authenticate, byte[] exportedSessionKey) {
        if (m.payloadStart(12, 20, 28, 36, 44, 52) < 88) {
            throw new NtlmException("MsvAvFlags announces a MIC but the message has no room for one");
        }
        byte[] mic = Arrays.copyOfRange(authenticate, 72, 88);
        byte[] zeroed = authenticate.clone();
        Arrays.fill(zeroed, 72, 88, (byte) 0);
        byte[] expected = NtlmCrypto.hmacMd5(exportedSessionKey, negotiateMessage, challengeMessage, zeroed);
        if (!MessageDigest.isEqual(mic, expected)) {
            throw new NtlmException("the AUTHENTICATE_MESSAGE MIC does not verify");
        }
    }

    /** {@code DOMAIN\\user} (or {@code user}) as the client named itself; null before success. */
    public String authenticatedUser() {
        return authenticatedUser;
    }

    private static String text(byte[] bytes, boolean unicode) {
        return new String(bytes, unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    }

    private static long fileTime(Instant t) {
        return t.getEpochSecond() * 10_000_000L + t.getNano() / 100 + FILETIME_EPOCH_OFFSET;
    }
}
