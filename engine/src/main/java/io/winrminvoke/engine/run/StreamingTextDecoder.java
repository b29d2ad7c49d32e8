package io.winrminvoke.engine.run;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one output stream chunk by chunk. A multi-byte character split across two chunks is
 * held back until its remaining bytes arrive; malformed bytes become U+FFFD rather than failing.
 * Not thread-safe: one per stream.
 */
final class StreamingTextDecoder {

    private final CharsetDecoder decoder;
    /** Bytes of an incomplete character left over from the previous chunk (a few bytes at most). */
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private final boolean utf8;

    StreamingTextDecoder(Charset charset) {
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    String decode(byte[] chunk) {
        if (utf8) {
            return decodeUtf8(chunk);
        }
        ByteBuffer in = pending.hasRemaining() ? concat(pending, chunk) : ByteBuffer.wrap(chunk);
        CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 4);
        decoder.decode(in, out, false);
        pending = in.hasRemaining() ? copyOfRemaining(in) : ByteBuffer.allocate(0);
        return out.flip().toString();
    }

    /**
     * UTF-8 (the usual codepage, 65001) through the JDK's String decoding, which is much cheaper
     * than a CharsetDecoder into a CharBuffer; an incomplete character at the end waits for the next chunk.
     */
    private String decodeUtf8(byte[] chunk) {
        byte[] bytes = chunk;
        if (pending.hasRemaining()) {
            bytes = concat(pending, chunk).array();
            pending = ByteBuffer.allocate(0);
        }
        int complete = completeUtf8Length(bytes);
        if (complete < bytes.length) {
            pending = ByteBuffer.wrap(java.util.Arrays.copyOfRange(bytes, complete, bytes.length));
        }
        return new String(bytes, 0, complete, StandardCharsets.UTF_8);
    }

    /** Length without a trailing lead byte whose continuation bytes have not all arrived. */
    private static int completeUtf8Length(byte[] b) {
        for (int back = 1; back <= Math.min(3, b.length); back++) {
            int lead = b[b.length - back] & 0xFF;
            if (lead < 0x80) {
                return b.length; // ASCII: nothing open
            }
            if (lead >= 0xC0) {
                int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
                return needed > back ? b.length - back : b.length;
            }
        }
        return b.length; // continuation bytes only: malformed, replaced now
    }

    /** Decodes what is left at the end of the stream (an incomplete character becomes U+FFFD). */
    String finish() {
        CharBuffer out = CharBuffer.allocate(pending.remaining() * 2 + 8);
        decoder.decode(pending, out, true);
        decoder.flush(out);
        pending = ByteBuffer.allocate(0);
        decoder.reset();
        return out.flip().toString();
    }

    private static ByteBuffer concat(ByteBuffer head, byte[] tail) {
        ByteBuffer b = ByteBuffer.allocate(head.remaining() + tail.length);
        b.put(head).put(tail).flip();
        return b;
    }

    private static ByteBuffer copyOfRemaining(ByteBuffer in) {
        ByteBuffer b = ByteBuffer.allocate(in.remaining());
        b.put(in).flip();
        return b;
    }
}
