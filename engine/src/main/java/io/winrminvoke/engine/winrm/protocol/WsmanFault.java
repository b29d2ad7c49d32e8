package io.winrminvoke.engine.winrm.protocol;

import io.winrminvoke.engine.winrm.FailureKind;

/**
 * A SOAP fault from the host.
 *
 * @param subcode   local name of the fault subcode, e.g. {@code TimedOut}, {@code QuotaLimit}
 * @param reason    the s:Reason text
 * @param wsmanCode the f:WSManFault Code attribute (a Windows error number), or null
 * @param detail    the f:WSManFault message (often more specific than the reason), or null
 */
public record WsmanFault(String subcode, String reason, Long wsmanCode, String detail) {

    /** Receive found no output within the OperationTimeout: the client asks again. */
    public static final long TIMED_OUT_CODE = 2150858793L;
    static final long INVALID_SELECTORS_CODE = 2150858843L;
    static final long SHELL_QUOTA_CODE = 2150859173L;
    static final long OPERATION_QUOTA_CODE = 2150859174L;

    public boolean isOperationTimeout() {
        return "TimedOut".equals(subcode) || (wsmanCode != null && wsmanCode == TIMED_OUT_CODE);
    }

    /** The shell or command named does not exist (any more). */
    public boolean isInvalidSelectors() {
        return "InvalidSelectors".equals(subcode) || (wsmanCode != null && wsmanCode == INVALID_SELECTORS_CODE);
    }

    public boolean isQuotaLimit() {
        return "QuotaLimit".equals(subcode)
                || (wsmanCode != null && (wsmanCode == SHELL_QUOTA_CODE || wsmanCode == OPERATION_QUOTA_CODE));
    }

    public FailureKind failureKind() {
        return isQuotaLimit() ? FailureKind.QUOTA_EXCEEDED : FailureKind.PROTOCOL_ERROR;
    }

    /** One line for users: the subcode, the Windows code and what the host said. */
    public String describe() {
        StringBuilder text = new StringBuilder("WS-Management fault ").append(subcode == null ? "(no subcode)" : subcode);
        if (wsmanCode != null) {
            text.append(" (WSManFault code ").append(wsmanCode).append(')');
        }
        String said = detail != null && !detail.isBlank() ? detail : reason;
        if (said != null && !said.isBlank()) {
            text.append(": ").append(said.strip().replaceAll("\\s+", " "));
        }
        return text.toString();
    }
}
