package io.winrminvoke.simulator.fidelity;

/**
 * One request replayed against a simulated host and what came back.
 *
 * @param label e.g. "host-000 Receive #2", names the response in findings
 * @param requestMessageId the a:MessageID sent, which the response's a:RelatesTo must repeat
 * @param httpStatus the HTTP status answered
 * @param contentType the Content-Type header answered, or "" when absent
 * @param responseBytes the size of the response body, which must fit the MaxEnvelopeSize sent
 * @param response the parsed response body
 */
record ReplayedExchange(String label, String requestMessageId, int httpStatus, String contentType,
        int responseBytes, ResponseStructure response) {
}
