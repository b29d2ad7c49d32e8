package io.winrminvoke.simulator.wsman;

/** The XML namespaces and URIs of WS-Management WinRS, with the prefixes Windows uses. */
public final class Namespaces {
    public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    public static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static final String TRANSFER = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static final String MS_WSMAN = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
    public static final String SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";
    public static final String WSMAN_FAULT = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";

    public static final String ANONYMOUS = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    public static final String CMD_RESOURCE_URI = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd";
    public static final String FAULT_ACTION = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
    public static final String COMMAND_STATE_RUNNING = SHELL + "/CommandState/Running";
    public static final String COMMAND_STATE_DONE = SHELL + "/CommandState/Done";
    public static final String SIGNAL_TERMINATE = SHELL + "/signal/terminate";
    public static final String SIGNAL_CTRL_C = SHELL + "/signal/ctrl_c";
    public static final String SIGNAL_CTRL_BREAK = SHELL + "/signal/ctrl_break";

    private Namespaces() {
    }
}
