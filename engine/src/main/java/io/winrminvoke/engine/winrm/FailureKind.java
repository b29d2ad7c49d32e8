package io.winrminvoke.engine.winrm;

/** What went wrong talking to a host, as far as deciding a status and a retry needs to know. */
public enum FailureKind {
    /** TCP connection refused. */
    CONNECTION_REFUSED,
    /** TCP connect did not complete within the connect timeout. */
    CONNECT_TIMEOUT,
    /** The host name did not resolve. */
    UNKNOWN_HOST,
    /** The connection was reset or closed mid-exchange. */
    CONNECTION_DROPPED,
    /** The host accepted the connection but did not answer within the read timeout. */
    NO_RESPONSE,
    /** HTTP 401: credentials or authentication scheme refused. */
    AUTH_FAILED,
    /** TLS handshake failed: untrusted certificate, host name mismatch, protocol. */
    TLS_FAILED,
    /** SSH: the host's key is not in known_hosts, or differs from the key listed there. */
    HOST_KEY_REJECTED,
    /** A WS-Management QuotaLimit fault (shells or operations per user). */
    QUOTA_EXCEEDED,
    /** Any other WS-Management fault or unexpected HTTP answer. */
    PROTOCOL_ERROR,
    /** The per-host command deadline passed. */
    COMMAND_TIMEOUT,
    /** The caller cancelled. */
    CANCELLED
}
