package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import static io.winrminvoke.engine.winrm.transport.auth.ntlm.SpecificationVectorsTest.CHALLENGE;
import static io.winrminvoke.engine.winrm.transport.auth.ntlm.SpecificationVectorsTest.HEX;
import static io.winrminvoke.engine.winrm.transport.auth.ntlm.SpecificationVectorsTest.RANDOM_SESSION_KEY;
import static io.winrminvoke.engine.winrm.transport.auth.ntlm.SpecificationVectorsTest.exampleContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.winrm.transport.auth.AuthProtocolException;
import io.winrminvoke.engine.winrm.transport.auth.ChannelBindings;
import io.winrminvoke.engine.winrm.transport.auth.SealedMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the client sends, what it refuses, and how it guards the sealed session. */
class NtlmContextTest {

    private static final long HOST_TIME = 0x01d9_1234_5678_9abcL;

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {
        "00080000 | does not offer extended session security",
        "20000000 | does not offer 128-bit keys",
        "40000000 | lacks key exchange",
        "00000020 | lacks sealing",
        "00000010 | lacks signing",
    })
    void challengeOfferingLessIsRefusedSayingWhat(String clearedFlag, String message) throws Exception {
        byte[] weaker = CHALLENGE.clone();
        ByteBuffer flags = ByteBuffer.wrap(weaker).order(ByteOrder.LITTLE_ENDIAN);
        flags.putInt(20, flags.getInt(20) & ~Integer.parseUnsignedInt(clearedFlag, 16));
        NtlmContext context = exampleContext(null, ChannelBindings.NONE);
        context.step(null);

        assertThatThrownBy(() -> context.step(weaker)).isInstanceOf(AuthProtocolException.class)
                .hasMessageContaining(message).hasMessageEndingWith("refused");
        assertThat(context.isEstablished()).isFalse();
        assertThatThrownBy(() -> context.step(CHALLENGE)).hasMessageContaining("already failed");
    }

    @Test
    void negotiateAsksForNtlmV2SessionSecurityOnly() throws Exception {
        byte[] negotiate = exampleContext(null, ChannelBindings.NONE).step(null);
        int flags = ByteBuffer.wrap(negotiate).order(ByteOrder.LITTLE_ENDIAN).getInt(12);

        assertThat(negotiate).hasSize(40);
        // UNICODE, REQUEST_TARGET, SIGN, SEAL, NTLM, ALWAYS_SIGN, EXTENDED_SESSIONSECURITY, 128, KEY_EXCH;
        // never OEM, LM_KEY, 56-bit, anonymous or datagram.
        assertThat(Integer.toHexString(flags)).isEqualTo("60088235");
    }

    @Test
    void tokensThatAreNotAChallengeAreRefused() throws Exception {
        NtlmContext spnego = exampleContext(null, ChannelBindings.NONE);
        spnego.step(null);
        assertThatThrownBy(() -> spnego.step(HEX.parseHex("a181b63081b3a0030a0101a10c060a2b06010401823702020a")))
                .isInstanceOf(AuthProtocolException.class).hasMessageContaining("SPNEGO");

        NtlmContext silent = exampleContext(null, ChannelBindings.NONE);
        silent.step(null);
        assertThatThrownBy(() -> silent.step(null)).hasMessageContaining("without a challenge");

        NtlmContext negotiateBack = exampleContext(null, ChannelBindings.NONE);
        byte[] negotiate = negotiateBack.step(null);
        assertThatThrownBy(() -> negotiateBack.step(negotiate)).hasMessageContaining("not a CHALLENGE");
    }

    @Test
    void hostTimestampBringsMicZeroLmResponseAndTheHostsTime() throws Exception {
        TargetInfo hostInfo = ChallengeMessage.parse(CHALLENGE).targetInfo()
                .with(TargetInfo.TIMESTAMP, le64(HOST_TIME));
        byte[] challenge = challenge(0xe28a8233, hostInfo);
        NtlmContext context = exampleContext("HTTP/server", ChannelBindings.NONE);
        byte[] negotiate = context.step(null);
        byte[] authenticate = context.step(challenge);

        assertThat(WireFields.readSecurityBuffer(authenticate, 12)).isEqualTo(new byte[24]);
        byte[] blob = ntBlob(authenticate);
        assertThat(ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).getLong(8)).isEqualTo(HOST_TIME);
        TargetInfo returned = TargetInfo.parse(tail(blob));
        assertThat(returned.get(TargetInfo.FLAGS)).hasValueSatisfying(v -> assertThat(v).isEqualTo(le32(2)));

        // The MIC is HMAC-MD5 under the exported session key over all three messages, its own field zeroed.
        byte[] mic = Arrays.copyOfRange(authenticate, AuthenticateMessage.MIC_OFFSET, AuthenticateMessage.MIC_OFFSET + 16);
        byte[] zeroed = authenticate.clone();
        Arrays.fill(zeroed, AuthenticateMessage.MIC_OFFSET, AuthenticateMessage.MIC_OFFSET + 16, (byte) 0);
        Mac hmac = Mac.getInstance("HmacMD5");
        hmac.init(new SecretKeySpec(RANDOM_SESSION_KEY, "HmacMD5"));
        hmac.update(negotiate);
        hmac.update(challenge);
        assertThat(mic).isEqualTo(hmac.doFinal(zeroed));
    }

    @Test
    void withoutHostTimestampThereIsNoMicField() throws Exception {
        NtlmContext context = exampleContext(null, ChannelBindings.NONE);
        context.step(null);
        byte[] authenticate = context.step(CHALLENGE);

        // The payload (the domain name first) starts where the MIC would be.
        assertThat(ByteBuffer.wrap(authenticate).order(ByteOrder.LITTLE_ENDIAN).getInt(32))
                .isEqualTo(AuthenticateMessage.MIC_OFFSET);
        assertThat(TargetInfo.parse(tail(ntBlob(authenticate))).get(TargetInfo.FLAGS)).isEmpty();
    }

    @Test
    void blobNamesTheSpnAndHashesTheTlsChannel() throws Exception {
        byte[] tls = "tls-server-end-point:abcdef".getBytes(StandardCharsets.US_ASCII);
        NtlmContext context = exampleContext("HTTP/web01.corp.example", new ChannelBindings(tls));
        context.step(null);
        TargetInfo returned = TargetInfo.parse(tail(ntBlob(context.step(CHALLENGE))));

        assertThat(returned.get(TargetInfo.TARGET_NAME).map(WireFields::utf16)).contains("HTTP/web01.corp.example");
        // gss_channel_bindings_struct: two empty addresses (type and length, 4 bytes each), then the data.
        ByteBuffer struct = ByteBuffer.allocate(20 + tls.length).order(ByteOrder.LITTLE_ENDIAN);
        struct.position(16);
        struct.putInt(tls.length).put(tls);
        assertThat(returned.get(TargetInfo.CHANNEL_BINDINGS))
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(md5(struct.array())));
        // The host's own pairs are returned too.
        assertThat(returned.get(TargetInfo.NB_COMPUTER_NAME).map(WireFields::utf16)).contains("Server");
    }

    @Test
    void withoutTlsTheChannelBindingHashIsZeros() throws Exception {
        NtlmContext context = exampleContext(null, ChannelBindings.NONE);
        context.step(null);
        TargetInfo returned = TargetInfo.parse(tail(ntBlob(context.step(CHALLENGE))));

        assertThat(returned.get(TargetInfo.CHANNEL_BINDINGS)).hasValueSatisfying(v -> assertThat(v).isEqualTo(new byte[16]));
        assertThat(returned.get(TargetInfo.TARGET_NAME)).isEmpty();
    }

    @Test
    void hostMessagesInSequenceAreRead() throws Exception {
        NtlmContext context = established();
        SealingStream host = hostSending();

        for (int i = 0; i < 3; i++) {
            assertThat(context.unwrap(host.seal(bytes("reply " + i)))).isEqualTo(bytes("reply " + i));
        }
    }

    @Test
    void tamperedHostMessageIsRefusedAndNothingIsReadAfterIt() throws Exception {
        NtlmContext context = established();
        SealedMessage altered = hostSending().seal(bytes("exit 0"));
        altered.encrypted()[0] ^= 1;

        assertThatThrownBy(() -> context.unwrap(altered)).isInstanceOf(AuthProtocolException.class)
                .hasMessageContaining("failed its NTLM signature check");
        assertThatThrownBy(() -> context.unwrap(altered)).hasMessageContaining("out of step");
    }

    @Test
    void replayedHostMessageIsRefused() throws Exception {
        NtlmContext context = established();
        SealedMessage first = hostSending().seal(bytes("one"));
        context.unwrap(first);

        assertThatThrownBy(() -> context.unwrap(first)).isInstanceOf(AuthProtocolException.class)
                .hasMessageContaining("out of sequence (number 0, expected 1)");
    }

    @Test
    void reorderedHostMessageIsRefused() throws Exception {
        NtlmContext context = established();
        SealingStream host = hostSending();
        host.seal(bytes("one"));
        SealedMessage second = host.seal(bytes("two"));

        assertThatThrownBy(() -> context.unwrap(second)).isInstanceOf(AuthProtocolException.class)
                .hasMessageContaining("out of sequence (number 1, expected 0)");
    }

    @Test
    void messageSealedByTheClientForItselfIsRefused() throws Exception {
        // A reflected message: sealed with the client-to-host keys, handed back to the client.
        NtlmContext context = established();
        SealedMessage reflected = established().wrap(bytes("reflected"));

        assertThatThrownBy(() -> context.unwrap(reflected)).isInstanceOf(AuthProtocolException.class);
    }

    @Test
    void clientMessagesCarryIncreasingSequenceNumbersTheHostReads() throws Exception {
        NtlmContext context = established();
        SealingStream host = hostReceiving();

        for (int i = 0; i < 3; i++) {
            SealedMessage sealed = context.wrap(bytes("request " + i));
            assertThat(ByteBuffer.wrap(sealed.signature()).order(ByteOrder.LITTLE_ENDIAN).getInt(12)).isEqualTo(i);
            assertThat(host.unseal(sealed)).isEqualTo(bytes("request " + i));
        }
    }

    @Test
    void sealingBeforeTheHandshakeIsAProgrammingError() {
        NtlmContext context = exampleContext(null, ChannelBindings.NONE);

        assertThatThrownBy(() -> context.wrap(bytes("x"))).isInstanceOf(IllegalStateException.class);
        assertThat(context.mechanism()).isEqualTo("NTLM");
    }

    private static NtlmContext established() throws AuthProtocolException {
        NtlmContext context = exampleContext(null, ChannelBindings.NONE);
        context.step(null);
        context.step(CHALLENGE);
        assertThat(context.step(null)).isNull();
        return context;
    }

    /** The host's side of the example session (random session key 55..55): what it sends. */
    private static SealingStream hostSending() {
        SessionKeys keys = SessionKeys.derive(RANDOM_SESSION_KEY);
        return new SealingStream(keys.serverSigningKey(), keys.serverSealingKey());
    }

    /** ... and what it reads. */
    private static SealingStream hostReceiving() {
        SessionKeys keys = SessionKeys.derive(RANDOM_SESSION_KEY);
        return new SealingStream(keys.clientSigningKey(), keys.clientSealingKey());
    }

    /** A CHALLENGE_MESSAGE with no target name, the given flags and AV pairs. */
    private static byte[] challenge(int flags, TargetInfo info) {
        byte[] pairs = info.encode();
        ByteBuffer out = ByteBuffer.allocate(56 + pairs.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(WireFields.SIGNATURE).putInt(2).putShort((short) 0).putShort((short) 0).putInt(56).putInt(flags)
                .put(HEX.parseHex("0123456789abcdef")).putLong(0)
                .putShort((short) pairs.length).putShort((short) pairs.length).putInt(56).putLong(0).put(pairs);
        return out.array();
    }

    /** The NTLMv2 blob: the NT response without its 16-byte proof. */
    private static byte[] ntBlob(byte[] authenticate) {
        byte[] nt = WireFields.readSecurityBuffer(authenticate, 20);
        return Arrays.copyOfRange(nt, 16, nt.length);
    }

    /** The AV pairs of a blob. */
    private static byte[] tail(byte[] blob) {
        return Arrays.copyOfRange(blob, 28, blob.length);
    }

    private static byte[] le64(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
