package io.winrminvoke.engine.winrm.transport;

import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.WinRmException;
import io.winrminvoke.engine.winrm.transport.auth.AuthFailureText;
import io.winrminvoke.engine.winrm.transport.auth.WireReply;
import java.io.IOException;
import java.net.URI;

/**
 * One prepared POST. {@link #cancel()} from another thread aborts it at once, whether it is
 * waiting for a connection, connecting, authenticating or waiting for the answer.
 */
public final class Exchange {

    private final ConnectionSlots slots;
    private final byte[] envelope;
    private final URI uri;
    private final String endpoint;
    private final RequestTimeouts timeouts;
    private volatile boolean cancelled;
    private volatile ConnectionSlot inUse;

    Exchange(ConnectionSlots slots, byte[] envelope, URI endpoint, RequestTimeouts timeouts) {
        this.slots = slots;
        this.envelope = envelope;
        this.uri = endpoint;
        this.endpoint = endpoint.getAuthority();
        this.timeouts = timeouts;
    }

    /**
     * Sends the request and reads the whole answer, whatever its status.
     *
     * @throws WinRmException for network, TLS, authentication and HTTP-level failures (never
     *                        with commandStarted)
     */
    public HttpReply execute() throws WinRmException {
        ConnectionSlot slot;
        try {
            slot = slots.acquire(timeouts.connect(), () -> cancelled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelledFailure(e);
        }
        if (slot == null) {
            if (cancelled || slots.isClosed()) {
                throw cancelledFailure(null);
            }
            throw new WinRmException(FailureKind.CONNECT_TIMEOUT, false, "no free connection within "
                    + timeouts.connect().toMillis() + " ms (" + endpoint + ")");
        }
        inUse = slot;
        try {
            if (cancelled) {
                throw cancelledFailure(null);
            }
            WireReply reply = slot.exchange(envelope, timeouts, () -> cancelled);
            return new HttpReply(reply.status(), reply.body(), AuthFailureText.schemes(reply.challenges()));
        } catch (IOException e) {
            if (cancelled) {
                throw cancelledFailure(e);
            }
            throw TransportFailures.classify(e, uri, timeouts);
        } catch (WinRmException e) {
            throw cancelled ? cancelledFailure(e) : e;
        } finally {
            inUse = null;
            slots.release(slot);
        }
    }

    /** Aborts the exchange (closing its connection if it has one); safe from any thread. */
    public void cancel() {
        cancelled = true;
        ConnectionSlot slot = inUse;
        if (slot != null) {
            slot.abort();
        }
        slots.wakeUp();
    }

    private WinRmException cancelledFailure(Throwable cause) {
        return new WinRmException(FailureKind.CANCELLED, false, "request cancelled (" + endpoint + ")", cause);
    }
}
