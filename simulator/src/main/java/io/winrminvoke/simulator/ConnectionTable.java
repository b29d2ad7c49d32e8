package io.winrminvoke.simulator;

import io.winrminvoke.simulator.auth.ConnectionSecurity;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security state of each client connection of one host. The JDK HTTP server does not say
 * which connection a request came on, nor when one closes; the client's address and port name a
 * TCP connection while it is open, so they are the key. Entries go when unused for longer than
 * the server keeps an idle connection (it has closed it by then) and, oldest first, past
 * {@link #MAX_CONNECTIONS}.
 */
final class ConnectionTable {
    /** More than a client opens to one host at once; beyond it the least recently used is dropped. */
    static final int MAX_CONNECTIONS = 1024;

    private final long idleNanos;
    private final Map<InetSocketAddress, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Entry> eldest) {
            return size() > MAX_CONNECTIONS;
        }
    };

    private static final class Entry {
        final ConnectionSecurity security = new ConnectionSecurity();
        long lastUsed;
    }

    ConnectionTable(long idleNanos) {
        this.idleNanos = idleNanos;
    }

    /** The state of the connection from {@code client}, a fresh one when none is known or it went idle. */
    synchronized ConnectionSecurity connection(InetSocketAddress client) {
        long now = System.nanoTime();
        Entry e = entries.get(client);
        if (e == null || now - e.lastUsed > idleNanos) {
            e = new Entry();
            entries.put(client, e);
        }
        e.lastUsed = now;
        return e.security;
    }

    /** Forgets every connection (the port closed, so every connection to it did). */
    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }
}
