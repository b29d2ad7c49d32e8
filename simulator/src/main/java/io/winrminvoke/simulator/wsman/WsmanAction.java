package io.winrminvoke.simulator.wsman;

/** The WinRS operations, by the WS-Addressing Action of their request. */
public enum WsmanAction {
    CREATE("Create", "http://schemas.xmlsoap.org/ws/2004/09/transfer/Create"),
    DELETE("Delete", "http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete"),
    COMMAND("Command", Namespaces.SHELL + "/Command"),
    RECEIVE("Receive", Namespaces.SHELL + "/Receive"),
    SEND("Send", Namespaces.SHELL + "/Send"),
    SIGNAL("Signal", Namespaces.SHELL + "/Signal"),
    UNKNOWN("Unknown", null);

    private final String operation;
    private final String uri;

    WsmanAction(String operation, String uri) {
        this.operation = operation;
        this.uri = uri;
    }

    /** The name the request log uses. */
    public String operation() {
        return operation;
    }

    public String uri() {
        return uri;
    }

    /** The Action of the response: the request's with {@code Response} appended. */
    public String responseUri() {
        return uri + "Response";
    }

    public static WsmanAction fromUri(String uri) {
        for (WsmanAction a : values()) {
            if (a.uri != null && a.uri.equals(uri)) {
                return a;
            }
        }
        return UNKNOWN;
    }
}
