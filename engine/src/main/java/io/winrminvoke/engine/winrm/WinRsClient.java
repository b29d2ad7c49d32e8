package io.winrminvoke.engine.winrm;

import java.util.List;

/**
 * A WinRS client bound to one host. Keeps its HTTP connections alive between requests; closing
 * it releases them. Safe to {@link RemoteCommand#terminate()} from another thread.
 */
public interface WinRsClient extends AutoCloseable {

    /**
     * Creates a shell and starts {@code command} (with optional {@code arguments}) in it.
     *
     * @param skipCmdShell run the program directly rather than through cmd.exe
     */
    RemoteCommand start(String command, List<String> arguments, boolean skipCmdShell) throws WinRmException;

    @Override
    void close();
}
