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
     * @param stdinPiped   the caller will write stdin with {@link RemoteCommand#writeStdin}: the
     *                     command then gets a pipe, not a console, as its stdin (what PowerShell's
     *                     {@code [Console]::In} and {@code $input} read; Ansible does the same)
     */
    RemoteCommand start(String command, List<String> arguments, boolean skipCmdShell, boolean stdinPiped)
            throws WinRmException;

    /** {@link #start(String, List, boolean, boolean)} for a command given no stdin. */
    default RemoteCommand start(String command, List<String> arguments, boolean skipCmdShell) throws WinRmException {
        return start(command, arguments, skipCmdShell, false);
    }

    @Override
    void close();
}
