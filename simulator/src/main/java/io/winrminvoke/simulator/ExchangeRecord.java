package io.winrminvoke.simulator;

/** What one request did, filled in while it is handled, turned into a {@link RequestLogEntry} at the end. */
final class ExchangeRecord {
    String operation = RequestLogEntry.UNKNOWN;
    String shellId;
    String commandId;
    String commandLine;
    String decodedScript;
    String signalCode;
    String stdinBase64;
    String fault;
    boolean sealed;
    String authFailure;
}
