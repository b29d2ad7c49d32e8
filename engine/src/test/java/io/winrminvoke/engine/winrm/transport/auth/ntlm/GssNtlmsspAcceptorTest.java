package io.winrminvoke.engine.winrm.transport.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.winrm.transport.auth.ChannelBindings;
import io.winrminvoke.engine.winrm.transport.auth.SealedMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our NTLM client against an acceptor nobody here wrote: Debian's gss-ntlmssp. If it accepts our
 * AUTHENTICATE (NTLMv2 response, MIC, channel binding hash) and both sides read each other's
 * sealed messages in sequence, the mechanism speaks MS-NLMP as another implementation reads it.
 */
@Timeout(120)
class GssNtlmsspAcceptorTest {

    private static final String ACCOUNT = GssNtlmsspAcceptor.DOMAIN + ":alice:S3cret-pässword";
    private static final byte[] TLS_CHANNEL = "tls-server-end-point:0123456789abcdef0123456789abcdef"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void handshakeCompletesAndSealedMessagesFlowBothWaysInSequence() throws Exception {
        try (GssNtlmsspAcceptor acceptor = GssNtlmsspAcceptor.start(dir, List.of(ACCOUNT), null)) {
            NtlmContext context = NtlmContext.client(NtlmCredentials.parse("CORP\\alice", "S3cret-pässword"),
                    "HTTP/winhost.corp.example", ChannelBindings.NONE);

            assertThat(handshake(context, acceptor).verb()).isEqualTo("done");
            assertThat(context.isEstablished()).isTrue();

            for (int i = 0; i < 4; i++) {
                byte[] request = ("request " + i + ": <s:Envelope>…</s:Envelope>").getBytes(StandardCharsets.UTF_8);
                SealedMessage sealed = context.wrap(request);
                assertThat(sealed.encrypted()).hasSameSizeAs(request).isNotEqualTo(request);
                GssNtlmsspAcceptor.Answer theirs = acceptor.request("unwrap", concat(sealed));
                assertThat(theirs.verb()).as(theirs.text()).isEqualTo("plain");
                assertThat(theirs.data()).isEqualTo(request);

                byte[] reply = ("reply " + i).getBytes(StandardCharsets.UTF_8);
                byte[] wrapped = acceptor.request("wrap", reply).data();
                // gss-ntlmssp's gss_wrap returns the 16-byte NTLMSSP_MESSAGE_SIGNATURE (version 1,
                // checksum, sequence number) first, then the sealed bytes: the order MS-WSMV frames.
                ByteBuffer signature = ByteBuffer.wrap(wrapped, 0, 16).order(ByteOrder.LITTLE_ENDIAN);
                assertThat(signature.getInt(0)).isEqualTo(1);
                assertThat(signature.getInt(12)).isEqualTo(i);
                assertThat(wrapped).hasSize(16 + reply.length);
                assertThat(context.unwrap(split(wrapped))).isEqualTo(reply);
            }
        }
    }

    @Test
    void wrongPasswordIsRefusedByTheAcceptor() throws Exception {
        try (GssNtlmsspAcceptor acceptor = GssNtlmsspAcceptor.start(dir, List.of(ACCOUNT), null)) {
            NtlmContext context = NtlmContext.client(NtlmCredentials.parse("CORP\\alice", "wrong"),
                    "HTTP/winhost", ChannelBindings.NONE);

            assertThat(handshake(context, acceptor).isError()).isTrue();
        }
    }

    @Test
    void alteredMicIsRefusedByTheAcceptor() throws Exception {
        try (GssNtlmsspAcceptor acceptor = GssNtlmsspAcceptor.start(dir, List.of(ACCOUNT), null)) {
            NtlmContext context = NtlmContext.client(NtlmCredentials.parse("CORP\\alice", "S3cret-pässword"),
                    null, ChannelBindings.NONE);
            byte[] challenge = acceptor.request("step", context.step(null)).data();
            // gss-ntlmssp's challenge carries MsvAvTimestamp, so our answer carries a MIC, which it checks.
            assertThat(ChallengeMessage.parse(challenge).targetInfo().get(TargetInfo.TIMESTAMP)).isPresent();
            byte[] authenticate = context.step(challenge);
            // The MIC has a field of its own: the payload (domain name first) starts after it.
            assertThat(ByteBuffer.wrap(authenticate).order(ByteOrder.LITTLE_ENDIAN).getInt(32))
                    .isEqualTo(AuthenticateMessage.MIC_OFFSET + 16);
            authenticate[AuthenticateMessage.MIC_OFFSET] ^= 1;

            assertThat(acceptor.request("step", authenticate).isError()).isTrue();
        }
    }

    @Test
    void matchingChannelBindingsComplete() throws Exception {
        try (GssNtlmsspAcceptor acceptor = GssNtlmsspAcceptor.start(dir, List.of(ACCOUNT), TLS_CHANNEL)) {
            NtlmContext context = NtlmContext.client(NtlmCredentials.parse("CORP\\alice", "S3cret-pässword"),
                    "HTTP/winhost", new ChannelBindings(TLS_CHANNEL));

            assertThat(handshake(context, acceptor).verb()).isEqualTo("done");
            assertThat(acceptor.request("unwrap", concat(context.wrap(new byte[] {42}))).data())
                    .containsExactly(42);
        }
    }

    @Test
    void mismatchedChannelBindingsAreRefused() throws Exception {
        byte[] otherChannel = TLS_CHANNEL.clone();
        otherChannel[otherChannel.length - 1] ^= 1;
        try (GssNtlmsspAcceptor acceptor = GssNtlmsspAcceptor.start(dir, List.of(ACCOUNT), TLS_CHANNEL)) {
            NtlmContext context = NtlmContext.client(NtlmCredentials.parse("CORP\\alice", "S3cret-pässword"),
                    "HTTP/winhost", new ChannelBindings(otherChannel));

            assertThat(handshake(context, acceptor).isError()).isTrue();
        }
    }

    @Test
    void userPrincipalNameLogsOnWithAnEmptyDomain() throws Exception {
        try (GssNtlmsspAcceptor acceptor = GssNtlmsspAcceptor.start(dir,
                List.of(":alice@corp.example:S3cret-pässword"), null)) {
            NtlmContext context = NtlmContext.client(
                    NtlmCredentials.parse("alice@corp.example", "S3cret-pässword"), "HTTP/winhost", ChannelBindings.NONE);

            assertThat(handshake(context, acceptor).verb()).isEqualTo("done");
        }
    }

    @Test
    void hostLocalAccountLogsOnToTheHostsOwnName() throws Exception {
        try (GssNtlmsspAcceptor acceptor = GssNtlmsspAcceptor.start(dir,
                List.of(GssNtlmsspAcceptor.COMPUTER + ":admin:S3cret-pässword"), null)) {
            NtlmContext context = NtlmContext.client(NtlmCredentials.parse(".\\admin", "S3cret-pässword"),
                    "HTTP/winhost", ChannelBindings.NONE);

            assertThat(handshake(context, acceptor).verb()).isEqualTo("done");
        }
    }

    @Test
    void alteredMessageFromUsIsRefusedByTheAcceptor() throws Exception {
        try (GssNtlmsspAcceptor acceptor = GssNtlmsspAcceptor.start(dir, List.of(ACCOUNT), null)) {
            NtlmContext context = NtlmContext.client(NtlmCredentials.parse("CORP\\alice", "S3cret-pässword"),
                    "HTTP/winhost", ChannelBindings.NONE);
            handshake(context, acceptor);
            byte[] token = concat(context.wrap("dir C:\\".getBytes(StandardCharsets.UTF_8)));
            token[token.length - 1] ^= 1;

            assertThat(acceptor.request("unwrap", token).isError()).isTrue();
        }
    }

    /** NEGOTIATE, CHALLENGE, AUTHENTICATE; the acceptor's answer to the last. */
    private static GssNtlmsspAcceptor.Answer handshake(NtlmContext context, GssNtlmsspAcceptor acceptor)
            throws Exception {
        GssNtlmsspAcceptor.Answer challenge = acceptor.request("step", context.step(null));
        assertThat(challenge.verb()).as(challenge.text()).isEqualTo("token");
        return acceptor.request("step", context.step(challenge.data()));
    }

    private static byte[] concat(SealedMessage sealed) {
        return WireFields.concat(sealed.signature(), sealed.encrypted());
    }

    private static SealedMessage split(byte[] wrapped) {
        return new SealedMessage(Arrays.copyOf(wrapped, 16), Arrays.copyOfRange(wrapped, 16, wrapped.length));
    }
}
