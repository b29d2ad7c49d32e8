package io.winrminvoke.engine.mask;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one masker of a run: replaces every registered secret, and its base64, UTF-16LE base64
 * ({@code -EncodedCommand}) and URL-encoded forms, with {@value #REPLACEMENT}. Immutable and
 * thread-safe; the same instance serves the console, the in-memory results and every report.
 *
 * <p>Rules: a secret is masked whatever its length (a leak is worse than over-masking; Jenkins'
 * withCredentials does the same); encoded fragments shorter than four characters are not masked.
 * Null and empty secrets are ignored. A secret that spans lines is also registered line by line,
 * because output reaches the masker one line at a time. Text is masked per call: callers pass
 * whole lines, or use {@link #streaming()} for text that arrives in arbitrary chunks.
 */
public final class SecretMasker implements Masker {

    public static final String REPLACEMENT = "****";

    private final List<String> secrets;
    /** Every form to replace, longest first. */
    private final List<String> patterns;
    /** The pairs of characters inside the forms; see {@link #containsAnyForm}. Null if a form is shorter than two. */
    private final FormPairs pairs;

    private SecretMasker(List<String> secrets, List<String> patterns) {
        this.secrets = List.copyOf(secrets);
        this.patterns = List.copyOf(patterns);
        this.pairs = FormPairs.of(this.patterns);
    }

    /** Null and empty secrets are skipped (a run whose Kerberos credentials come from a file has no password). */
    public static SecretMasker of(String... secrets) {
        return of(java.util.Arrays.asList(secrets));
    }

    public static SecretMasker of(Collection<String> secrets) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            distinct.add(secret);
            if (secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0) {
                for (String line : secret.split("\r\n|\r|\n")) {
                    if (!line.isEmpty()) {
                        distinct.add(line);
                    }
                }
            }
        }
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : distinct) {
            forms.addAll(SecretEncodings.formsOf(secret));
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMasker(new ArrayList<>(distinct), sorted);
    }

    /** A masker with this one's secrets plus {@code more}. */
    public SecretMasker with(Collection<String> more) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(more);
        return of(all);
    }

    @Override
    public String mask(String text) {
        if (text == null || text.isEmpty() || patterns.isEmpty()) {
            return text;
        }
        if (!containsAnyForm(text)) {
            return text; // the common case: one indexOf per form, nothing allocated
        }
        return render(text, 0, text.length(), secretPositions(text));
    }

    /** Whether nothing is registered (masking is then the identity). */
    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** A masker for one stream of text that arrives in chunks (not thread-safe; one per stream). */
    @Override
    public StreamingMasker streaming() {
        return new StreamingMasker(this);
    }

    /** Length of the longest form: the most text a {@link StreamingMasker} must hold back. */
    int longestForm() {
        return patterns.isEmpty() ? 0 : patterns.get(0).length();
    }

    private boolean containsAnyForm(String text) {
        if (pairs == null) {
            for (String form : patterns) {
                if (text.contains(form)) {
                    return true;
                }
            }
            return false;
        }
        return pairs.occursIn(text);
    }

    /** Positions of {@code text} covered by any form; overlapping occurrences are all covered. */
    BitSet secretPositions(CharSequence text) {
        String s = text.toString();
        BitSet hidden = new BitSet();
        for (String form : patterns) {
            for (int at = s.indexOf(form); at >= 0; at = s.indexOf(form, at + 1)) {
                hidden.set(at, at + form.length());
            }
        }
        return hidden;
    }

    /** {@code text[from, to)} with each run of hidden positions replaced by one {@value #REPLACEMENT}. */
    static String render(CharSequence text, int from, int to, BitSet hidden) {
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int start = hidden.nextSetBit(i);
            if (start < 0 || start >= to) {
                out.append(text, i, to);
                break;
            }
            out.append(text, i, start);
            int end = Math.min(hidden.nextClearBit(start), to);
            out.append(REPLACEMENT);
            i = end;
        }
        return out.toString();
    }

    @Override
    public String toString() {
        // never the secrets themselves
        return "SecretMasker[" + secrets.size() + " secret(s), " + patterns.size() + " form(s)]";
    }
}
