package io.winrminvoke.simulator.wsman;

/**
 * The WS-Management faults the simulator sends, with the SOAP code, the WS-Management subcode
 * and the WSManFault code that real Windows uses for them (MS-WSMV, winerror.h).
 */
public enum WsmanFault {
    TimedOut("s:Receiver", "w:TimedOut", 2150858793L,
            "The WS-Management service cannot complete the operation within the time specified in OperationTimeout.  "),
    InvalidSelectors("s:Sender", "w:InvalidSelectors", 2150858843L,
            "The request for the Windows Remote Shell with ShellId %s failed because the shell was not found on the server."
                    + " Possible causes are: the specified ShellId is incorrect or the shell no longer exists on the server."
                    + " Provide the correct ShellId or create a new shell and retry the operation. "),
    QuotaLimit("s:Receiver", "w:QuotaLimit", 2150859173L,
            "The WS-Management service cannot process the request. This user is allowed a maximum number of %s concurrent"
                    + " shells, which has been exceeded. Close existing shells or raise the quota for this user. "),
    QuotaLimitOperations("s:Receiver", "w:QuotaLimit", 2150859174L,
            "The WS-Management service cannot process the request. This user is allowed a maximum number of %s concurrent"
                    + " operations, which has been exceeded. Close existing operations for this user, or raise the quota"
                    + " for this user. "),
    EncodingLimit("s:Sender", "w:EncodingLimit", 2150858805L,
            "The WS-Management service cannot process the request because the encoding of the request exceeds an"
                    + " internal encoding limit. Reconfigure the client to send messages which fit the encoding limits of"
                    + " the service. "),
    InternalError("s:Receiver", "w:InternalError", 2147500037L,
            "The WS-Management service cannot process the request. An internal error occurred. "),
    ActionNotSupported("s:Sender", "a:ActionNotSupported", 2150858753L,
            "The WS-Management service cannot process the request. The WS-Addressing action URI is invalid. "),
    InvalidMessage("s:Sender", "w:InvalidMessageInformationHeader", 2150858817L,
            "The WS-Management service cannot process the request because the request is not a valid SOAP message. ");

    private final String soapCode;
    private final String subcode;
    private final long wsmanCode;
    private final String reasonFormat;

    WsmanFault(String soapCode, String subcode, long wsmanCode, String reasonFormat) {
        this.soapCode = soapCode;
        this.subcode = subcode;
        this.wsmanCode = wsmanCode;
        this.reasonFormat = reasonFormat;
    }

    /** {@code s:Receiver} or {@code s:Sender}. */
    public String soapCode() {
        return soapCode;
    }

    /** The qualified subcode as Windows writes it, e.g. {@code w:TimedOut}. */
    public String subcode() {
        return subcode;
    }

    /** The {@code Code} attribute of {@code f:WSManFault}. */
    public long wsmanCode() {
        return wsmanCode;
    }

    /** The reason text; {@code detail} fills the one placeholder some messages have. */
    public String reason(String detail) {
        return reasonFormat.contains("%s") ? String.format(reasonFormat, detail == null ? "" : detail) : reasonFormat;
    }

    /** The faults a scenario may inject with {@code faultOnRequest}. */
    public boolean injectable() {
        return this != ActionNotSupported && this != InvalidMessage;
    }
}
