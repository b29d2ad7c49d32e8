package io.winrminvoke.engine.run;

import io.winrminvoke.engine.ssh.SshClients;
import io.winrminvoke.engine.winrm.WinRsClients;

/** The production client factories: the engine's own WS-Management WinRS client, and SSH. */
final class StandardClients {

    static final WinRsClientFactory FACTORY = WinRsClients::connect;
    static final SshClientFactory SSH = SshClients::connect;

    private StandardClients() {
    }
}
