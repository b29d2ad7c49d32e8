package io.winrminvoke.simulator;

/** An HTTP answer: status and SOAP body (empty for 401). */
record Reply(int status, byte[] body) {
    static Reply ok(byte[] body) {
        return new Reply(200, body);
    }

    static Reply fault(byte[] body) {
        // Windows sends every WS-Management fault with HTTP 500
        return new Reply(500, body);
    }
}
