package io.winrminvoke.engine.run;

import io.winrminvoke.engine.winrm.WinRsClients;

/** The production client factory: the engine's own WS-Management WinRS client. */
final class StandardClients {

    static final WinRsClientFactory FACTORY = WinRsClients::connect;

    private StandardClients() {
    }
}
