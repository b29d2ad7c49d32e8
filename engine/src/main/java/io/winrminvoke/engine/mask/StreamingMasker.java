package io.winrminvoke.engine.mask;

import java.util.BitSet;

/**
 * Masks text that arrives in arbitrary chunks (a secret may be split between two of them): each
 * {@link #push} returns the masked text that can no longer be part of a secret and holds back the
 * rest (at most the longest secret form minus one character, unless a secret is still open).
 * {@link #flush} returns what is held back. One instance per stream; not thread-safe.
 */
public final class StreamingMasker {

    private final SecretMasker masker;
    private final StringBuilder pending = new StringBuilder();

    StreamingMasker(SecretMasker masker) {
        this.masker = masker;
    }

    /** Adds a chunk; returns the masked text that is safe to emit now (possibly empty). */
    public String push(CharSequence chunk) {
        pending.append(chunk);
        int keep = masker.longestForm() - 1;
        int cut = pending.length() - Math.max(keep, 0);
        if (cut <= 0) {
            return "";
        }
        BitSet hidden = masker.secretPositions(pending);
        // never cut through a secret: a form that starts before the cut ends inside the buffer
        while (cut < pending.length() && hidden.get(cut - 1) && hidden.get(cut)) {
            cut = hidden.nextClearBit(cut);
        }
        String out = SecretMasker.render(pending, 0, cut, hidden);
        pending.delete(0, cut);
        return out;
    }

    /** The held-back text, masked; the masker is empty afterwards. */
    public String flush() {
        String out = masker.mask(pending.toString());
        pending.setLength(0);
        return out;
    }
}
