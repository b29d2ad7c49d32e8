package io.winrminvoke.engine.run;

import io.winrminvoke.engine.winrm.ConnectionSettings;
import io.winrminvoke.engine.winrm.WinRmException;
import io.winrminvoke.engine.winrm.WinRsClient;

/**
 * Opens a WinRS client for one host. The seam between the fan-out and the wire: the standard
 * factory speaks WS-Management over HTTP(S); tests and tools may pass another.
 */
@FunctionalInterface
public interface WinRsClientFactory {

    WinRsClient connect(ConnectionSettings settings) throws WinRmException;
}
