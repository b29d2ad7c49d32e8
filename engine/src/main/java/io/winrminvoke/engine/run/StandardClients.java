package io.winrminvoke.engine.run;

import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.WinRmException;

/** The production client factory. */
final class StandardClients {

    // TODO(runner): replace with the client helper's factory once branch `client` lands.
    static final WinRsClientFactory FACTORY = settings -> {
        throw new WinRmException(FailureKind.PROTOCOL_ERROR, false, "no WinRS client available yet");
    };

    private StandardClients() {
    }
}
