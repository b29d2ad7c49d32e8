package io.winrminvoke.simulator.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The acceptor's NTLMv2 arithmetic against the worked example of MS-NLMP 4.2.4 (user "User", domain "Domain"). */
class NtlmVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SERVER_CHALLENGE = HEX.parseHex("0123456789abcdef");
    /** MS-NLMP 4.2.4: negotiated flags of the example (KEY_EXCH, 128, extended session security, SEAL...). */
    private static final int FLAGS = 0xe28a8233;

    @Test
    void ntowfv2AndNtProofStrAndSessionBaseKeyMatchTheSpecification() {
        byte[] key = NtlmCrypto.ntowfv2("Password", "User", "Domain");
        // temp = 01 01 00*6 time(0) client challenge aa*8 00*4 AvPairs(NbDomain "Domain", NbComputer "Server", EOL) 00*4
        byte[] temp = HEX.parseHex("0101000000000000" + "0000000000000000" + "aaaaaaaaaaaaaaaa" + "00000000"
                + "02000c0044006f006d00610069006e00" + "01000c00530065007200760065007200" + "00000000" + "00000000");

        byte[] proof = NtlmCrypto.hmacMd5(key, SERVER_CHALLENGE, temp);

        assertThat(HEX.formatHex(key)).isEqualTo("0c868a403bfd7a93a3001ef22ef02e3f");
        assertThat(HEX.formatHex(proof)).isEqualTo("68cd0ab851e51c96aabc927bebef6a1c");
        assertThat(HEX.formatHex(NtlmCrypto.hmacMd5(key, proof))).isEqualTo("8de40ccadbc14a82f15cb0ad0de95ca3");
    }

    @Test
    void theEncryptedRandomSessionKeyOfTheExampleDecryptsToTheRandomKey() {
        byte[] sessionBaseKey = HEX.parseHex("8de40ccadbc14a82f15cb0ad0de95ca3");

        assertThat(NtlmCrypto.rc4(sessionBaseKey, HEX.parseHex("c5dad2544fc9799094ce1ce90bc9d03e")))
                .isEqualTo(filled(0x55));
    }

    @Test
    void theAcceptorUnsealsTheExampleClientMessage() {
        NtlmSessionSecurity security = new NtlmSessionSecurity(filled(0x55), FLAGS);

        byte[] plain = security.unseal(HEX.parseHex("01000000" + "7fb38ec5c55d4976" + "00000000"),
                HEX.parseHex("54e50165bf1936dc996020c1811b0f06fb5f"));

        assertThat(new String(plain, StandardCharsets.UTF_16LE)).isEqualTo("Plaintext");
    }

    @Test
    void aTamperedSealedMessageIsRefused() {
        NtlmSessionSecurity security = new NtlmSessionSecurity(filled(0x55), FLAGS);
        byte[] sealed = HEX.parseHex("54e50165bf1936dc996020c1811b0f06fb5f");
        sealed[3] ^= 1;

        assertThatThrownBy(() -> security.unseal(HEX.parseHex("010000007fb38ec5c55d497600000000"), sealed))
                .isInstanceOf(NtlmException.class).hasMessageContaining("does not verify");
    }

    private static byte[] filled(int value) {
        byte[] b = new byte[16];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
