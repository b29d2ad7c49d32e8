package io.winrminvoke.engine.run;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes one output stream chunk by chunk. A multi-byte character split across two chunks is
 * held back until its remaining bytes arrive; malformed bytes become U+FFFD rather than failing.
 * Not thread-safe: one per stream.
 */
final class StreamingTextDecoder {

    private final CharsetDecoder decoder;
    /** Bytes of an incomplete character left over from the previous chunk (a few bytes at most). */
    private ByteBuffer pending = ByteBuffer.allocate(0);

    StreamingTextDecoder(Charset charset) {
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    String decode(byte[] chunk) {
        ByteBuffer in = pending.hasRemaining() ? concat(pending, chunk) : ByteBuffer.wrap(chunk);
        CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 4);
        decoder.decode(in, out, false);
        pending = in.hasRemaining() ? copyOfRemaining(in) : ByteBuffer.allocate(0);
        return out.flip().toString();
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
