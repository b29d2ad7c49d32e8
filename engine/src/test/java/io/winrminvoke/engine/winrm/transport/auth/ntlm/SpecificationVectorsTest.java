package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.winrm.transport.auth.ChannelBindings;
import io.winrminvoke.engine.winrm.transport.auth.SealedMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * MS-NLMP 4.2.4, "NTLMv2 Authentication": the specification's worked example (user "User",
 * domain "Domain", password "Password", server challenge 0123456789abcdef, client challenge
 * aa..aa, time 0, random session key 55..55), value by value.
 */
class SpecificationVectorsTest {

    static final HexFormat HEX = HexFormat.of();

    /** 4.2.4.3: the CHALLENGE_MESSAGE of the example. */
    static final byte[] CHALLENGE = HEX.parseHex("4e544c4d53535000020000000c000c003800000033828ae20123456789abcdef"
            + "00000000000000002400240044000000060070170000000f5300650072007600"
            + "6500720002000c0044006f006d00610069006e0001000c005300650072007600"
            + "6500720000000000");
    static final byte[] TARGET_INFO = HEX.parseHex(
            "02000c0044006f006d00610069006e0001000c0053006500720076006500720000000000");
    static final byte[] SERVER_CHALLENGE = HEX.parseHex("0123456789abcdef");
    static final byte[] CLIENT_CHALLENGE = HEX.parseHex("aaaaaaaaaaaaaaaa");
    static final byte[] RANDOM_SESSION_KEY = HEX.parseHex("55555555555555555555555555555555");
    static final NtlmCredentials USER = new NtlmCredentials("Domain", "User", "Password");
    static final byte[] PLAINTEXT = "Plaintext".getBytes(StandardCharsets.UTF_16LE);

    /** A context whose randomness and clock are the example's. */
    static NtlmContext exampleContext(String spn, ChannelBindings bindings) {
        return new NtlmContext(USER, spn, bindings,
                length -> length == 8 ? CLIENT_CHALLENGE.clone() : RANDOM_SESSION_KEY.clone(),
                Clock.fixed(Instant.parse("1601-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void ntowfV2OfTheExampleUser() {
        // 4.2.4.1.1
        assertThat(HEX.formatHex(NtlmV2Response.responseKey(USER, "Domain")))
                .isEqualTo("0c868a403bfd7a93a3001ef22ef02e3f");
    }

    @Test
    void responsesAndSessionBaseKeyOfTheExample() {
        NtlmV2Response response = NtlmV2Response.compute(NtlmV2Response.responseKey(USER, "Domain"),
                SERVER_CHALLENGE, CLIENT_CHALLENGE, 0L, TARGET_INFO, false);

        // 4.2.4.2.1 LMv2
        assertThat(HEX.formatHex(response.lmChallengeResponse()))
                .isEqualTo("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa");
        // 4.2.4.2.2: NTProofStr, then the blob "temp" of 4.2.4.1.3
        assertThat(HEX.formatHex(response.ntChallengeResponse())).isEqualTo("68cd0ab851e51c96aabc927bebef6a1c"
                + "01010000000000000000000000000000aaaaaaaaaaaaaaaa00000000"
                + "02000c0044006f006d00610069006e0001000c005300650072007600650072000000000000000000");
        // 4.2.4.1.2 session base key, which NTLMv2 also uses as the key exchange key (4.2.4.1.3)
        assertThat(HEX.formatHex(response.sessionBaseKey())).isEqualTo("8de40ccadbc14a82f15cb0ad0de95ca3");
        // 4.2.4.2.3 encrypted random session key
        assertThat(HEX.formatHex(NtlmCrypto.rc4Once(response.sessionBaseKey(), RANDOM_SESSION_KEY)))
                .isEqualTo("c5dad2544fc9799094ce1ce90bc9d03e");
    }

    @Test
    void signingAndSealingKeysOfTheExample() {
        // 4.2.4.4: the client-to-server keys from the random session key
        SessionKeys keys = SessionKeys.derive(RANDOM_SESSION_KEY);
        assertThat(HEX.formatHex(keys.clientSealingKey())).isEqualTo("59f600973cc4960a25480a7c196e4c58");
        assertThat(HEX.formatHex(keys.clientSigningKey())).isEqualTo("4788dc861b4782f35d43fd98fe1a2d39");
        // Each direction has keys of its own.
        assertThat(keys.serverSealingKey()).isNotEqualTo(keys.clientSealingKey());
        assertThat(keys.serverSigningKey()).isNotEqualTo(keys.clientSigningKey());
    }

    @Test
    void sealedPlaintextAndItsSignature() {
        // 4.2.4.4: GSS_WrapEx of "Plaintext" (UTF-16LE), sequence number 0
        SessionKeys keys = SessionKeys.derive(RANDOM_SESSION_KEY);
        SealedMessage sealed = new SealingStream(keys.clientSigningKey(), keys.clientSealingKey()).seal(PLAINTEXT);

        assertThat(HEX.formatHex(sealed.encrypted())).isEqualTo("54e50165bf1936dc996020c1811b0f06fb5f");
        assertThat(HEX.formatHex(sealed.signature())).isEqualTo("010000007fb38ec5c55d497600000000");
    }

    @Test
    void challengeOfTheExampleIsRead() {
        ChallengeMessage challenge = ChallengeMessage.parse(CHALLENGE);

        assertThat(challenge.flags()).isEqualTo(0xe28a8233);
        assertThat(challenge.serverChallenge()).isEqualTo(SERVER_CHALLENGE);
        assertThat(challenge.targetInfo().get(TargetInfo.NB_DOMAIN_NAME).map(WireFields::utf16)).contains("Domain");
        assertThat(challenge.targetInfo().get(TargetInfo.NB_COMPUTER_NAME).map(WireFields::utf16)).contains("Server");
        assertThat(challenge.targetInfo().encode()).isEqualTo(TARGET_INFO);
    }

    @Test
    void authenticateMessageIsLaidOutAsTheExample() {
        // 4.2.4.3: the example's AUTHENTICATE_MESSAGE (no MIC: the challenge has no time stamp)
        NtlmV2Response response = NtlmV2Response.compute(NtlmV2Response.responseKey(USER, "Domain"),
                SERVER_CHALLENGE, CLIENT_CHALLENGE, 0L, TARGET_INFO, false);
        byte[] encoded = new AuthenticateMessage(0xe2888235, HEX.parseHex("0501280a0000000f"),
                response.lmChallengeResponse(), response.ntChallengeResponse(), "Domain", "User", "COMPUTER",
                HEX.parseHex("c5dad2544fc9799094ce1ce90bc9d03e"), false).encode();

        assertThat(HEX.formatHex(encoded)).isEqualTo("4e544c4d5353500003000000180018006c00000054005400840000000c000c00"
                + "480000000800080054000000100010005c00000010001000d8000000358288e20501280a0000000f"
                + "44006f006d00610069006e00550073006500720043004f004d0050005500540045005200"
                + "86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa"
                + "68cd0ab851e51c96aabc927bebef6a1c01010000000000000000000000000000aaaaaaaaaaaaaaaa00000000"
                + "02000c0044006f006d00610069006e0001000c005300650072007600650072000000000000000000"
                + "c5dad2544fc9799094ce1ce90bc9d03e");
    }

    @Test
    void contextAnsweringTheExampleSealsAsTheExample() throws Exception {
        NtlmContext context = exampleContext(null, ChannelBindings.NONE);
        context.step(null);
        byte[] authenticate = context.step(CHALLENGE);

        assertThat(context.isEstablished()).isTrue();
        // The LMv2 response does not depend on the AV pairs the client adds; the NT response does.
        assertThat(HEX.formatHex(WireFields.readSecurityBuffer(authenticate, 12)))
                .isEqualTo("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa");
        assertThat(WireFields.utf16(WireFields.readSecurityBuffer(authenticate, 28))).isEqualTo("Domain");
        assertThat(WireFields.utf16(WireFields.readSecurityBuffer(authenticate, 36))).isEqualTo("User");
        // The session keys come from the random session key alone, so the first sealed message is the example's.
        SealedMessage sealed = context.wrap(PLAINTEXT);
        assertThat(HEX.formatHex(sealed.encrypted())).isEqualTo("54e50165bf1936dc996020c1811b0f06fb5f");
        assertThat(HEX.formatHex(sealed.signature())).isEqualTo("010000007fb38ec5c55d497600000000");
        assertThat(Arrays.copyOfRange(authenticate, 0, 8)).isEqualTo(WireFields.SIGNATURE);
    }
}
