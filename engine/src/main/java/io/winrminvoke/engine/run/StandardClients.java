package io.winrminvoke.engine.run;

import io.winrminvoke.engine.ssh.SshClients;
import io.winrminvoke.engine.winrm.WinRsClients;

/** The production client factories: the engine's own WS-Management WinRS client, and SSH. */
final class StandardClients {

    static final SshClientFactory SSH = SshClients::connect;

    private StandardClients() {
    }

    /** A factory for one run: its clients share the run's Kerberos logins (one KDC login per identity). */
    static WinRsClientFactory forRun() {
        WinRsClients clients = WinRsClients.forRun();
        return clients::open;
    }
}
