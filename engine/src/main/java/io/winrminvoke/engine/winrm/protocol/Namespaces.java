package io.winrminvoke.engine.winrm.protocol;

/** XML namespaces of the SOAP 1.2 / WS-Addressing / WS-Management / WinRS messages. */
public final class Namespaces {
    public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    public static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static final String MS_WSMAN = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
    public static final String SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";
    public static final String TRANSFER = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public static final String WSMAN_FAULT = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";
    public static final String XML = "http://www.w3.org/XML/1998/namespace";

    /** WS-Addressing's "reply to whoever sent the request" address. */
    public static final String ANONYMOUS = ADDRESSING + "/role/anonymous";

    private Namespaces() {
    }
}
