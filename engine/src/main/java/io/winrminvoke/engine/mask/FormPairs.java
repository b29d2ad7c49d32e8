package io.winrminvoke.engine.mask;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds whether any of a masker's forms occurs in a text while looking at only every
 * (m-1)-th pair of characters, m being the shortest form's length: an occurrence of a form of
 * length L >= m covers L-1 consecutive pairs, one of which is looked at. Where that pair is one
 * found inside a form, the form is compared at the place that pair would put it. For the
 * 14-character benchmark password and its encodings this looks at one pair in 13, where the
 * check per line of output had cost a quarter of the client's CPU for 1 MiB per host.
 */
final class FormPairs {

    private final List<String> forms;
    private final int stride;
    /** Every form's characters are Latin-1. */
    private final boolean latin1;
    /** A bit per {@link #key} of a pair that occurs in some form. */
    private final long[] inside = new long[(1 << 16) / 64];
    /** The keys of those pairs, sorted, and for each the (form index, offset) pairs where it occurs. */
    private final int[] keys;
    private final int[][] places;

    private FormPairs(List<String> forms, int stride, boolean latin1, Map<Integer, List<Integer>> placesByKey) {
        this.forms = forms;
        this.stride = stride;
        this.latin1 = latin1;
        this.keys = new int[placesByKey.size()];
        this.places = new int[placesByKey.size()][];
        int k = 0;
        for (Map.Entry<Integer, List<Integer>> entry : placesByKey.entrySet()) {
            keys[k] = entry.getKey();
            places[k] = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
            inside[keys[k] >>> 6] |= 1L << keys[k];
            k++;
        }
    }

    /** Null if a form is shorter than two characters (or there is none). */
    static FormPairs of(List<String> forms) {
        if (forms.isEmpty()) {
            return null;
        }
        int shortest = Integer.MAX_VALUE;
        boolean latin1 = true;
        Map<Integer, List<Integer>> placesByKey = new TreeMap<>();
        for (int f = 0; f < forms.size(); f++) {
            String form = forms.get(f);
            shortest = Math.min(shortest, form.length());
            for (int at = 0; at + 1 < form.length(); at++) {
                placesByKey.computeIfAbsent(key(form.charAt(at), form.charAt(at + 1)), k -> new ArrayList<>())
                        .addAll(List.of(f, at));
            }
            latin1 &= form.chars().allMatch(c -> c < 0x100);
        }
        return shortest < 2 ? null : new FormPairs(List.copyOf(forms), shortest - 1, latin1, placesByKey);
    }

    boolean occursIn(String text) {
        int length = text.length();
        if (length <= stride) {
            return false; // shorter than every form
        }
        // A copy to read (charAt per character costs several times more, compiled by C1): Latin-1
        // text (the usual) as its bytes, a plain array copy, unless a form is not Latin-1 or a
        // character of the text is not (one byte then stands for two characters, or a '?' for one
        // that no form contains).
        if (latin1) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            if (bytes.length == length) {
                for (int q = 0; q + 1 < length; q += stride) {
                    int key = (bytes[q] & 0xFF) << 8 | (bytes[q + 1] & 0xFF);
                    if ((inside[key >>> 6] & (1L << key)) != 0 && formAround(text, q, key)) {
                        return true;
                    }
                }
                return false;
            }
        }
        char[] chars = text.toCharArray();
        for (int q = 0; q + 1 < length; q += stride) {
            int key = key(chars[q], chars[q + 1]);
            if ((inside[key >>> 6] & (1L << key)) != 0 && formAround(text, q, key)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a form stands where the pair at {@code q} would put it. */
    private boolean formAround(String text, int q, int key) {
        int[] at = places[Arrays.binarySearch(keys, key)];
        for (int k = 0; k < at.length; k += 2) {
            int start = q - at[k + 1];
            if (start >= 0 && text.startsWith(forms.get(at[k]), start)) {
                return true;
            }
        }
        return false;
    }

    /** A pair of characters by their low bytes: a form's pair and the text's match if the characters do. */
    private static int key(char first, char second) {
        return (first & 0xFF) << 8 | (second & 0xFF);
    }
}
