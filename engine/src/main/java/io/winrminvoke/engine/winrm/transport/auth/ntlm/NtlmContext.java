package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import io.winrminvoke.engine.winrm.transport.auth.AuthProtocolException;
import io.winrminvoke.engine.winrm.transport.auth.ChannelBindings;
import io.winrminvoke.engine.winrm.transport.auth.SealedMessage;
import io.winrminvoke.engine.winrm.transport.auth.SecurityContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The client side of one NTLMv2 exchange and the sealed session that follows: NEGOTIATE, then
 * AUTHENTICATE in answer to the host's CHALLENGE, raw NTLMSSP tokens as Windows takes them in
 * {@code Authorization: Negotiate}. Always NTLMv2 with extended session security, 128-bit keys,
 * key exchange, signing and sealing; a host that offers less is refused rather than met halfway.
 */
public final class NtlmContext implements SecurityContext {

    private static final long FILETIME_AT_UNIX_EPOCH = 116_444_736_000_000_000L;
    private static final Set<Integer> PAIRS_THE_CLIENT_SETS =
            Set.of(TargetInfo.FLAGS, TargetInfo.TARGET_NAME, TargetInfo.CHANNEL_BINDINGS);

    private enum State { INITIAL, NEGOTIATE_SENT, ESTABLISHED, FAILED }

    private final NtlmCredentials credentials;
    private final String spn;
    private final ChannelBindings bindings;
    private final IntFunction<byte[]> random;
    private final Clock clock;

    private State state = State.INITIAL;
    private byte[] negotiate;
    private SealingStream outgoing;
    private SealingStream incoming;

    /**
     * A context for one connection.
     *
     * @param spn      the host's service principal name ({@code HTTP/host}), sent as
     *                 MsvAvTargetName so the host can tell it was meant; {@code null} for none
     * @param bindings the TLS channel ({@link ChannelBindings#NONE} over plain HTTP)
     */
    public static NtlmContext client(NtlmCredentials credentials, String spn, ChannelBindings bindings) {
        SecureRandom secureRandom = new SecureRandom();
        return new NtlmContext(credentials, spn, bindings, length -> {
            byte[] bytes = new byte[length];
            secureRandom.nextBytes(bytes);
            return bytes;
        }, Clock.systemUTC());
    }

    /** With the client challenge (8 bytes), the session key (16 bytes) and the clock fixed, for test vectors. */
    NtlmContext(NtlmCredentials credentials, String spn, ChannelBindings bindings, IntFunction<byte[]> random,
                Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.spn = spn;
        this.bindings = Objects.requireNonNull(bindings, "bindings");
        this.random = random;
        this.clock = clock;
    }

    @Override
    public String mechanism() {
        return "NTLM";
    }

    @Override
    public byte[] step(byte[] serverToken) throws AuthProtocolException {
        switch (state) {
            case INITIAL -> {
                negotiate = NegotiateMessage.encode(NegotiateFlags.CLIENT);
                state = State.NEGOTIATE_SENT;
                return negotiate.clone();
            }
            case NEGOTIATE_SENT -> {
                if (serverToken == null || serverToken.length == 0) {
                    state = State.FAILED;
                    throw new AuthProtocolException("the host answered the NTLM negotiation without a challenge");
                }
                try {
                    return authenticate(serverToken);
                } catch (AuthProtocolException | RuntimeException e) {
                    state = State.FAILED;
                    throw e;
                }
            }
            case ESTABLISHED -> {
                // Nothing follows AUTHENTICATE in NTLM; a final token from the host carries nothing.
                return null;
            }
            default -> throw new AuthProtocolException("the NTLM exchange already failed; it needs a new connection");
        }
    }

    private byte[] authenticate(byte[] token) throws AuthProtocolException {
        ChallengeMessage challenge;
        try {
            challenge = ChallengeMessage.parse(token);
        } catch (IllegalArgumentException e) {
            throw new AuthProtocolException("NTLM: " + e.getMessage());
        }
        String refusal = NegotiateFlags.refusal(challenge.flags()).orElse(null);
        if (refusal != null) {
            throw new AuthProtocolException(refusal);
        }

        TargetInfo hostInfo = challenge.targetInfo();
        byte[] hostTime = hostInfo.get(TargetInfo.TIMESTAMP).orElse(null);
        boolean mic = hostTime != null && hostTime.length == 8;
        long fileTime = mic ? WireFields.littleEndian(hostTime).getLong(0) : fileTime(clock.instant());

        String domain = logonDomain(hostInfo);
        byte[] clientChallenge = random.apply(8);
        NtlmV2Response response = NtlmV2Response.compute(NtlmV2Response.responseKey(credentials, domain),
                challenge.serverChallenge(), clientChallenge, fileTime, returnedTargetInfo(hostInfo, mic).encode(), mic);

        // NTLMv2: the key exchange key is the session base key; the session's real key is random.
        byte[] exportedSessionKey = random.apply(16);
        byte[] encryptedSessionKey = NtlmCrypto.rc4Once(response.sessionBaseKey(), exportedSessionKey);

        int flags = NegotiateFlags.CLIENT & challenge.flags();
        byte[] message = new AuthenticateMessage(flags, new byte[8], // no version: the flags ask for none
                response.lmChallengeResponse(), response.ntChallengeResponse(), domain, credentials.user(), "",
                encryptedSessionKey, mic).encode();
        if (mic) {
            message = AuthenticateMessage.withMic(message,
                    NtlmCrypto.hmacMd5(exportedSessionKey, negotiate, token, message));
        }

        SessionKeys keys = SessionKeys.derive(exportedSessionKey);
        outgoing = new SealingStream(keys.clientSigningKey(), keys.clientSealingKey());
        incoming = new SealingStream(keys.serverSigningKey(), keys.serverSealingKey());
        state = State.ESTABLISHED;
        return message;
    }

    /** The host's AV pairs plus the client's: the MIC flag, the channel binding hash and the SPN. */
    private TargetInfo returnedTargetInfo(TargetInfo hostInfo, boolean mic) {
        TargetInfo returned = hostInfo.without(PAIRS_THE_CLIENT_SETS);
        if (mic) {
            int hostFlags = hostInfo.get(TargetInfo.FLAGS).filter(v -> v.length == 4)
                    .map(v -> WireFields.littleEndian(v).getInt(0)).orElse(0);
            returned = returned.with(TargetInfo.FLAGS,
                    WireFields.allocate(4).putInt(hostFlags | TargetInfo.FLAG_MIC_PRESENT).array());
        }
        returned = returned.with(TargetInfo.CHANNEL_BINDINGS, ChannelBindingsHash.of(bindings));
        if (spn != null && !spn.isEmpty()) {
            returned = returned.with(TargetInfo.TARGET_NAME, WireFields.utf16(spn));
        }
        return returned;
    }

    /** <code>.&#92;user</code> logs on to the host's own account database, named by its NetBIOS computer name. */
    private String logonDomain(TargetInfo hostInfo) throws AuthProtocolException {
        if (!NtlmCredentials.HOST_LOCAL.equals(credentials.domain())) {
            return credentials.domain();
        }
        return hostInfo.get(TargetInfo.NB_COMPUTER_NAME).map(WireFields::utf16)
                .orElseThrow(() -> new AuthProtocolException(
                        "NTLM: the host's challenge does not name the computer, so .\\user cannot be resolved"));
    }

    static long fileTime(Instant instant) {
        return FILETIME_AT_UNIX_EPOCH + instant.getEpochSecond() * 10_000_000L + instant.getNano() / 100;
    }

    @Override
    public boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    @Override
    public synchronized SealedMessage wrap(byte[] plaintext) {
        if (state != State.ESTABLISHED) {
            throw new IllegalStateException("the NTLM context is not established");
        }
        return outgoing.seal(plaintext);
    }

    @Override
    public synchronized byte[] unwrap(SealedMessage sealed) throws AuthProtocolException {
        if (state != State.ESTABLISHED) {
            throw new IllegalStateException("the NTLM context is not established");
        }
        return incoming.unseal(sealed);
    }

    @Override
    public String toString() {
        return "NtlmContext[" + credentials + ", spn=" + spn + ", " + state + "]";
    }
}
