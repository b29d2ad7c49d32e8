package io.winrminvoke.simulator.wsman;

/** A request that is not a SOAP envelope the simulator can read. */
public final class MalformedRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedRequestException(String message) {
        super(message);
    }
}
