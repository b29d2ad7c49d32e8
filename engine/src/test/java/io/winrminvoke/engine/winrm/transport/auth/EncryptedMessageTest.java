package io.winrminvoke.engine.winrm.transport.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The MS-WSMV 2.2.9.1 framing, checked byte for byte against pywinrm's (Debian's python3-winrm,
 * an implementation nobody here wrote) with a stand-in mechanism both sides apply alike: the
 * bytes XOR 0x5A, a fixed 16-byte signature. What is under test is the framing, not the cipher.
 */
class EncryptedMessageTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String PYWINRM = String.join("\n",
            "import sys",
            "from winrm.encryption import Encryption",
            "SIG = bytes(range(16))",
            "class Security:",
            "    def wrap(self, m): return bytes(b ^ 0x5A for b in m), SIG",
            "    def unwrap(self, m, s):",
            "        assert s == SIG, s",
            "        return bytes(b ^ 0x5A for b in m)",
            "class Auth: session_security = Security()",
            "class Session: auth = Auth()",
            "e = Encryption(Session(), 'ntlm')",
            "data = sys.stdin.buffer.read()",
            "if sys.argv[1] == 'seal':",
            "    sys.stdout.buffer.write(e._encrypt_message(data, 'h') + e.MIME_BOUNDARY + b'--\\r\\n')",
            "else:",
            "    class Reply: content = data",
            "    sys.stdout.buffer.write(e._decrypt_response(Reply(), 'h'))");

    private static final byte[] SOAP = ("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
            + "<s:Body>d\u00e9ploiement \u3053\u3093\u306b\u3061\u306f</s:Body></s:Envelope>")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void ourSealedBodyIsByteForByteWhatPywinrmWrites() throws Exception {
        assertThat(EncryptedMessage.seal(new XorContext(), SOAP)).isEqualTo(pywinrm("seal", SOAP));
    }

    @Test
    void pywinrmOpensWhatWeSealAndWeOpenWhatItSeals() throws Exception {
        assertThat(pywinrm("open", EncryptedMessage.seal(new XorContext(), SOAP))).isEqualTo(SOAP);
        assertThat(EncryptedMessage.open(new XorContext(), EncryptedMessage.CONTENT_TYPE, pywinrm("seal", SOAP)))
                .isEqualTo(SOAP);
    }

    @Test
    void aBodyOfSeveralSealedPartsOpensToTheirJoinedText() throws Exception {
        byte[] first = Arrays.copyOfRange(SOAP, 0, 40);
        byte[] second = Arrays.copyOfRange(SOAP, 40, SOAP.length);
        byte[] one = EncryptedMessage.seal(new XorContext(), first);
        byte[] two = EncryptedMessage.seal(new XorContext(), second);
        // multipart/x-multi-encrypted: the parts follow one another, only the last boundary closes
        byte[] closing = "--Encrypted Boundary--\r\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(one, 0, one.length - closing.length);
        both.write(two);
        String multi = "multipart/x-multi-encrypted;protocol=\"application/HTTP-SPNEGO-session-encrypted\";"
                + "boundary=\"Encrypted Boundary\"";

        assertThat(EncryptedMessage.isEncrypted(multi)).isTrue();
        assertThat(EncryptedMessage.open(new XorContext(), multi, both.toByteArray())).isEqualTo(SOAP);
    }

    @Test
    void aBodyWhoseLengthDisagreesWithItsDataIsRefused() {
        byte[] sealed = EncryptedMessage.seal(new XorContext(), SOAP);
        String text = new String(sealed, StandardCharsets.ISO_8859_1)
                .replace("Length=" + SOAP.length, "Length=" + (SOAP.length + 1));

        assertThatThrownBy(() -> EncryptedMessage.open(new XorContext(), EncryptedMessage.CONTENT_TYPE,
                text.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(AuthProtocolException.class).hasMessageContaining("sealed message is malformed");
    }

    @Test
    void aPlainSoapContentTypeIsNotTakenForASealedOne() {
        assertThat(EncryptedMessage.isEncrypted("application/soap+xml;charset=UTF-8")).isFalse();
        assertThat(EncryptedMessage.isEncrypted(null)).isFalse();
    }

    private static byte[] pywinrm(String mode, byte[] input) throws IOException, InterruptedException {
        assertThat(PYTHON).as("Debian's python3 with python3-winrm (.ci/run installs it)").isExecutable();
        Process process = new ProcessBuilder(PYTHON.toString(), "-c", PYWINRM, mode).start();
        process.getOutputStream().write(input);
        process.getOutputStream().close();
        byte[] out;
        try (InputStream stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        return out;
    }

    /** The stand-in mechanism: what pywinrm's side above does, in Java. */
    private static final class XorContext implements SecurityContext {
        private static final byte[] SIGNATURE = new byte[16];

        static {
            for (int i = 0; i < 16; i++) {
                SIGNATURE[i] = (byte) i;
            }
        }

        @Override
        public String mechanism() {
            return "XOR";
        }

        @Override
        public byte[] step(byte[] serverToken) {
            return null;
        }

        @Override
        public boolean isEstablished() {
            return true;
        }

        @Override
        public SealedMessage wrap(byte[] plaintext) {
            return new SealedMessage(SIGNATURE.clone(), xor(plaintext));
        }

        @Override
        public byte[] unwrap(SealedMessage sealed) throws AuthProtocolException {
            if (!Arrays.equals(sealed.signature(), SIGNATURE)) {
                throw new AuthProtocolException("signature does not verify");
            }
            return xor(sealed.encrypted());
        }

        private static byte[] xor(byte[] data) {
            byte[] out = new byte[data.length];
            for (int i = 0; i < data.length; i++) {
                out[i] = (byte) (data[i] ^ 0x5A);
            }
            return out;
        }
    }

}
