package io.winrminvoke.engine.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretMaskerTest {

    private static final String SECRET = "s3cr3t-P@ss w/rd!";
    private final SecretMasker masker = SecretMasker.of(SECRET);

    @Test
    void replacesThePlainSecretWherever() {
        assertThat(masker.mask("user=admin password=" + SECRET + "; again " + SECRET + "."))
                .isEqualTo("user=admin password=****; again ****.");
    }

    @Test
    void textWithoutSecretIsReturnedAsIs() {
        String line = "nothing to hide here";
        assertThat(masker.mask(line)).isSameAs(line);
        assertThat(masker.mask("")).isEmpty();
        assertThat(masker.mask(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "ab", "abc", "prefix of some length "})
    void replacesBase64OfTheUtf8BytesAtEveryAlignment(String before) {
        String encoded = base64((before + SECRET + " and after").getBytes(StandardCharsets.UTF_8));
        String masked = masker.mask("blob: " + encoded);
        assertThat(masked).contains(SecretMasker.REPLACEMENT);
        assertThat(decodableRemainderOf(masked)).doesNotContain(SECRET.substring(0, 6));
        // the recognisable middle of the encoded secret is gone
        assertThat(masked).doesNotContain(SecretEncodings.base64Fragment(
                SECRET.getBytes(StandardCharsets.UTF_8), before.getBytes(StandardCharsets.UTF_8).length % 3));
    }

    @Test
    void replacesTheExactBase64OfTheSecret() {
        String encoded = base64(SECRET.getBytes(StandardCharsets.UTF_8));
        String masked = masker.mask(encoded);
        assertThat(masked).startsWith(SecretMasker.REPLACEMENT);
        // at most the last, partly padded group survives: fewer than 3 characters and the padding
        assertThat(masked.length()).isLessThanOrEqualTo(SecretMasker.REPLACEMENT.length() + 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "$x=1;", "$ab=12;"})
    void replacesTheSecretInsideAnEncodedCommand(String scriptPrefix) {
        String script = scriptPrefix + "$password = '" + SECRET + "'; Write-Output 'done'";
        String encodedCommand = base64(script.getBytes(StandardCharsets.UTF_16LE));
        String masked = masker.mask("powershell.exe -NoProfile -EncodedCommand " + encodedCommand);
        assertThat(masked).contains(SecretMasker.REPLACEMENT);
        for (int offset = 0; offset < 3; offset++) {
            assertThat(masked).doesNotContain(SecretEncodings.base64Fragment(
                    SECRET.getBytes(StandardCharsets.UTF_16LE), offset));
        }
    }

    @Test
    void replacesUrlEncodedForms() {
        String form = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        assertThat(form).isEqualTo("s3cr3t-P%40ss+w%2Frd%21");
        assertThat(masker.mask("GET /login?pw=" + form + "&x=1")).isEqualTo("GET /login?pw=****&x=1");
        assertThat(masker.mask("pw=s3cr3t-P%40ss%20w%2Frd%21")).isEqualTo("pw=****");
        assertThat(masker.mask("pw=s3cr3t-P%40ss%20w%2frd%21")).isEqualTo("pw=****");
    }

    @Test
    void registersEverySecretGiven() {
        SecretMasker two = SecretMasker.of("first-secret", "second-secret").with(List.of("third-secret"));
        assertThat(two.mask("a first-secret b second-secret c third-secret")).isEqualTo("a **** b **** c ****");
    }

    @Test
    void overlappingOccurrencesAreAllHidden() {
        SecretMasker m = SecretMasker.of("abab");
        assertThat(m.mask("xabababy")).isEqualTo("x****y");
    }

    @Test
    void shortSecretIsMaskedInPlainButItsShortEncodingsAreNot() {
        SecretMasker m = SecretMasker.of("ab");
        assertThat(m.mask("cab")).isEqualTo("c****");
        // base64 of "ab" is "YWI=": its fragments have fewer than four characters
        assertThat(m.mask("YWI=")).isEqualTo("YWI=");
    }

    @Test
    void nonAsciiSecretAndItsEncodingsAreMasked() {
        String japanese = "パスワード秘密";
        SecretMasker m = SecretMasker.of(japanese);
        assertThat(m.mask("値: " + japanese)).isEqualTo("値: ****");
        assertThat(m.mask(base64(japanese.getBytes(StandardCharsets.UTF_8)))).startsWith("****");
        assertThat(m.mask(URLEncoder.encode(japanese, StandardCharsets.UTF_8))).isEqualTo("****");
    }

    @Test
    void latinSecretsAreMaskedInTextWithCharactersBeyondLatin1AndSurrogatePairs() {
        SecretMasker m = SecretMasker.of("hunter2-Pass", "été-secret");
        assertThat(m.mask("日本 😀 hunter2-Pass 😀x")).isEqualTo("日本 😀 **** 😀x");
        assertThat(m.mask("😀hunter2-Pass")).isEqualTo("😀****");
        assertThat(m.mask("hunter2-Pass😀")).isEqualTo("****😀");
        assertThat(m.mask("Ũhunter2-Passũ")).isEqualTo("Ũ****ũ");
        assertThat(m.mask("Grüße été-secret, 日本")).isEqualTo("Grüße ****, 日本");
        assertThat(m.mask("Grüße été-secret")).isEqualTo("Grüße ****");
        assertThat(m.mask("ũété-secret")).isEqualTo("ũ****");
        assertThat(m.mask("日本 hunter2-Pas")).isEqualTo("日本 hunter2-Pas");
    }

    @Test
    void everyFormOfSecretsOfEveryLengthIsFoundAtEveryPositionOfALine() {
        String filler = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-+/=%";
        for (String secret : List.of("ab", "xyz", "pw4!", "bench-password", "\u00e9t\u00e9-pass", "日本-secret-語",
                "a-much-longer-secret-of-forty-characters")) {
            SecretMasker m = SecretMasker.of(secret);
            for (String form : SecretEncodings.formsOf(secret)) {
                for (int at = 0; at <= 40; at++) {
                    String line = filler.substring(0, at) + form + filler.substring(at, at + 7);
                    assertThat(m.mask(line)).as(secret + " as " + form + " at " + at).doesNotContain(form).contains("****");
                    String alone = filler.substring(0, at) + form;
                    assertThat(m.mask(alone)).as(secret + " as " + form + " ending a line at " + at).endsWith("****");
                }
                assertThat(m.mask(form)).isEqualTo("****");
            }
        }
    }

    @Test
    void multiLineSecretIsMaskedLineByLine() {
        SecretMasker m = SecretMasker.of("line-one-part\nline-two-part");
        assertThat(m.mask("got line-one-part")).isEqualTo("got ****");
        assertThat(m.mask("line-two-part end")).isEqualTo("**** end");
    }

    @Test
    void nullAndEmptySecretsAreIgnored() {
        SecretMasker m = SecretMasker.of(java.util.Arrays.asList(null, ""));
        assertThat(m.isEmpty()).isTrue();
        assertThat(m.mask("anything")).isEqualTo("anything");
    }

    @Test
    void toStringNeverContainsASecret() {
        assertThat(masker.toString()).doesNotContain(SECRET).doesNotContain("s3cr3t").contains("1 secret");
    }

    @Test
    void aSecretSplitAcrossChunksIsMaskedOnceTheLineIsAssembled() {
        // the runner's contract: chunks are joined into lines before the masker sees them
        String firstChunk = "token: s3cr3t-P@";
        String secondChunk = "ss w/rd! end";
        assertThat(masker.mask(firstChunk + secondChunk)).isEqualTo("token: **** end");
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The masked text with the replacement removed, decoded as far as base64 allows. */
    private static String decodableRemainderOf(String masked) {
        String rest = masked.substring(masked.indexOf(' ') + 1).replace(SecretMasker.REPLACEMENT, "");
        rest = rest.substring(0, rest.length() - rest.length() % 4);
        try {
            return new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
