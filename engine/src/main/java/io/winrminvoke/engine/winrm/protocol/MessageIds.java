package io.winrminvoke.engine.winrm.protocol;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * WS-Addressing message ids ({@code uuid:} + a version 4 UUID). They need to be unique, not
 * unguessable: {@link UUID#randomUUID()} draws from the JVM-wide SecureRandom, whose lock 100
 * hosts' threads queued on (one id per request); a thread-local generator never blocks.
 */
final class MessageIds {

    private MessageIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;               // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return "uuid:" + new UUID(high, low);
    }
}
