package io.winrminvoke.engine.mask;

/**
 * Replaces secrets in text before it is shown or written anywhere. One masker serves the live
 * console, the in-memory results and every report writer.
 */
@FunctionalInterface
public interface Masker {

    Masker NONE = text -> text;

    String mask(String text);

    /**
     * A masker for one stream of text that arrives in pieces, so that a secret split between two
     * pieces is still found. This default masks each piece alone; {@link SecretMasker} holds back
     * what could be the start of a secret until the next piece shows.
     */
    default Stream streaming() {
        return new Stream() {
            @Override
            public String push(CharSequence piece) {
                return mask(piece.toString());
            }

            @Override
            public String flush() {
                return "";
            }
        };
    }

    /** Masks one stream of text piece by piece; one per stream, not thread-safe. */
    interface Stream {
        /** Adds a piece; returns the masked text that is safe to pass on now (possibly empty). */
        String push(CharSequence piece);

        /** Returns what was held back, masked. */
        String flush();
    }
}
