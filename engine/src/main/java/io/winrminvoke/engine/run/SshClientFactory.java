package io.winrminvoke.engine.run;

import io.winrminvoke.engine.ssh.SshConnectionSettings;
import io.winrminvoke.engine.winrm.WinRmException;
import io.winrminvoke.engine.winrm.WinRsClient;

/**
 * Opens a client for one SSH host: the SSH twin of {@link WinRsClientFactory}, returning the same
 * client contract so the fan-out treats both transports alike.
 */
@FunctionalInterface
public interface SshClientFactory {

    WinRsClient connect(SshConnectionSettings settings) throws WinRmException;
}
