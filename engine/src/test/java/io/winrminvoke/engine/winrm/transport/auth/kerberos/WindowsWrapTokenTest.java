package io.winrminvoke.engine.winrm.transport.auth.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.winrm.transport.auth.AuthProtocolException;
import io.winrminvoke.engine.winrm.transport.auth.SealedMessage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rotation between the JDK's RFC 4121 wrap tokens (RRC 0) and Windows' WinRM layout
 * (RRC 28, MS-KILE 3.4.5.4.1). The bytes stand in for a token of the JDK's shape; that the JDK
 * and a KDC-issued key accept the result is proven against the simulator and the MIT KDC.
 */
class WindowsWrapTokenTest {

    @Test
    void aTokenSplitsIntoA60ByteSignatureAndDataAsLongAsThePlaintextAndJoinsBack() {
        for (int plaintext : new int[] {0, 1, 15, 16, 17, 1000, 153600}) {
            byte[] token = jdkToken(plaintext, 0);

            SealedMessage sealed = WindowsWrapToken.split(token, plaintext);

            assertThat(sealed.encrypted()).hasSize(plaintext);
            assertThat(sealed.signature()).hasSize(60);
            assertThat(sealed.signature()[6]).isZero();
            assertThat(sealed.signature()[7]).isEqualTo((byte) 28);
            assertThat(join(sealed)).isEqualTo(token);
        }
    }

    @Test
    void theExtraCountIsRotatedWithTheTrailerAsWindowsDoes() {
        byte[] token = jdkToken(100, 16);

        SealedMessage sealed = WindowsWrapToken.split(token, 100);

        assertThat(sealed.signature()).hasSize(76);
        // the last RRC + EC bytes of the encrypted part (filler, header copy, checksum) come first
        byte[] body = java.util.Arrays.copyOfRange(token, 16, token.length);
        assertThat(java.util.Arrays.copyOfRange(sealed.signature(), 16, 16 + 44))
                .isEqualTo(java.util.Arrays.copyOfRange(body, body.length - 44, body.length));
        assertThat(join(sealed)).isEqualTo(token);
    }

    @Test
    void anRc4TokenIsRefusedWithWhatIsNeeded() {
        byte[] rc4 = new byte[80];
        rc4[0] = 0x60;
        assertThatThrownBy(() -> WindowsWrapToken.join(new SealedMessage(rc4, new byte[4])))
                .isInstanceOf(AuthProtocolException.class).hasMessageContaining("AES");
    }

    /** Header (05 04, flags, FF, EC, RRC 0, sequence) and the encrypted part: confounder, data, filler, header, checksum. */
    private static byte[] jdkToken(int plaintext, int ec) {
        byte[] token = new byte[16 + 16 + plaintext + ec + 16 + 12];
        new Random(plaintext).nextBytes(token);
        token[0] = 0x05;
        token[1] = 0x04;
        token[3] = (byte) 0xff;
        token[4] = (byte) (ec >>> 8);
        token[5] = (byte) ec;
        token[6] = 0;
        token[7] = 0;
        return token;
    }

    private static byte[] join(SealedMessage sealed) {
        try {
            return WindowsWrapToken.join(sealed);
        } catch (AuthProtocolException e) {
            throw new AssertionError(e);
        }
    }
}
