package io.winrminvoke.simulator;

import java.time.Instant;

/**
 * One request a simulated host received and what it answered.
 *
 * @param host          the host's name, e.g. {@code host-003}
 * @param operation     Create, Command, Receive, Send, Signal, Delete or Unknown
 * @param shellId       the ShellId selector (or the id created, for Create), else null
 * @param commandId     the command concerned (created, received, signalled, sent to), else null
 * @param commandLine   for Command: the command and its arguments as received, space-separated
 * @param decodedScript for a Command with {@code -EncodedCommand}/{@code -enc}: the UTF-16LE-decoded script
 * @param signalCode    for Signal: the signal code URI
 * @param stdinBase64   for Send: the bytes received, base64
 * @param fault         the fault subcode answered (e.g. {@code w:TimedOut}), or null
 * @param httpStatus    the HTTP status answered (0 when the connection was dropped before a status)
 * @param sealed        the request came sealed with the connection's Negotiate/Kerberos context (WinRM
 *                      message encryption) and was answered sealed
 * @param authFailure   why authentication refused the request (e.g. {@code Negotiate: wrong password for
 *                      'HOST-000\\admin'}, {@code unencrypted request refused (AllowUnencrypted=false)}), else null;
 *                      never a secret
 * @param time          when the request arrived
 */
public record RequestLogEntry(
        String host,
        String operation,
        String shellId,
        String commandId,
        String commandLine,
        String decodedScript,
        String signalCode,
        String stdinBase64,
        String fault,
        int httpStatus,
        boolean sealed,
        String authFailure,
        Instant time) {

    public static final String CREATE = "Create";
    public static final String COMMAND = "Command";
    public static final String RECEIVE = "Receive";
    public static final String SEND = "Send";
    public static final String SIGNAL = "Signal";
    public static final String DELETE = "Delete";
    public static final String UNKNOWN = "Unknown";
}
