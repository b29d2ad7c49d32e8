package io.winrminvoke.engine.mask;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The forms in which a secret commonly shows up in output besides itself: base64 of its UTF-8
 * bytes, base64 of its UTF-16LE bytes (what {@code powershell -EncodedCommand} carries) and URL
 * encoding. Base64 is computed at the three possible byte alignments, keeping only the characters
 * that depend on the secret alone, so the secret is found inside a longer encoded text too.
 */
final class SecretEncodings {

    /**
     * Encoded fragments shorter than this are not masked: they carry fewer than 24 bits of the
     * secret and would blank out unrelated text (every base64 blob, every percent sign).
     */
    static final int MIN_ENCODED_LENGTH = 4;

    private SecretEncodings() {
    }

    /** The secret itself followed by its encoded forms (distinct, each at least {@link #MIN_ENCODED_LENGTH} long). */
    static Set<String> formsOf(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        Set<String> encoded = new LinkedHashSet<>();
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.UTF_16LE}) {
            byte[] bytes = secret.getBytes(charset);
            for (int offset = 0; offset < 3; offset++) {
                encoded.add(base64Fragment(bytes, offset));
            }
        }
        String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String percentEncoded = formEncoded.replace("+", "%20");
        for (String url : new String[] {formEncoded, percentEncoded}) {
            encoded.add(url);
            encoded.add(lowerCaseHex(url));
        }
        for (String form : encoded) {
            if (form.length() >= MIN_ENCODED_LENGTH) {
                forms.add(form);
            }
        }
        return forms;
    }

    /**
     * The base64 characters fully determined by {@code bytes} when they start {@code offset} bytes
     * into a 3-byte group: character i covers bits [6i, 6i+6), the secret bits [8*offset, 8*(offset+n)).
     */
    static String base64Fragment(byte[] bytes, int offset) {
        byte[] padded = new byte[offset + bytes.length + 2];
        System.arraycopy(bytes, 0, padded, offset, bytes.length);
        String encoded = Base64.getEncoder().withoutPadding().encodeToString(padded);
        int first = (8 * offset + 5) / 6;
        int end = 8 * (offset + bytes.length) / 6;
        return first >= end ? "" : encoded.substring(first, end);
    }

    private static String lowerCaseHex(String urlEncoded) {
        StringBuilder out = new StringBuilder(urlEncoded.length());
        for (int i = 0; i < urlEncoded.length(); i++) {
            char c = urlEncoded.charAt(i);
            if (c == '%' && i + 2 < urlEncoded.length()) {
                out.append('%').append(urlEncoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
