package io.winrminvoke.engine.winrm.protocol;

/** The WS-Management actions a WinRS client sends, with their action URIs. */
public enum WsmanAction {
    CREATE("http://schemas.xmlsoap.org/ws/2004/09/transfer/Create"),
    DELETE("http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete"),
    COMMAND(Namespaces.SHELL + "/Command"),
    RECEIVE(Namespaces.SHELL + "/Receive"),
    SEND(Namespaces.SHELL + "/Send"),
    SIGNAL(Namespaces.SHELL + "/Signal");

    private final String uri;

    WsmanAction(String uri) {
        this.uri = uri;
    }

    /** How the operation is named in MS-WSMV and in messages: Create, Command, Receive... */
    public String displayName() {
        String name = name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    public String uri() {
        return uri;
    }

    /** The action a successful answer carries: the request's action followed by "Response". */
    public String responseUri() {
        return uri + "Response";
    }
}
