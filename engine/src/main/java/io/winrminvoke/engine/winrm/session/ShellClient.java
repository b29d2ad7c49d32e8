package io.winrminvoke.engine.winrm.session;

import io.winrminvoke.engine.winrm.ConnectionSettings;
import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.RemoteCommand;
import io.winrminvoke.engine.winrm.WinRmException;
import io.winrminvoke.engine.winrm.WinRsClient;
import io.winrminvoke.engine.winrm.protocol.CommandRequest;
import io.winrminvoke.engine.winrm.protocol.CreateShellRequest;
import io.winrminvoke.engine.winrm.protocol.DeleteShellRequest;
import io.winrminvoke.engine.winrm.protocol.RequestContext;
import io.winrminvoke.engine.winrm.protocol.SoapResponse;
import io.winrminvoke.engine.winrm.protocol.WsmanAction;
import io.winrminvoke.engine.winrm.protocol.WsmanRequest;
import io.winrminvoke.engine.winrm.transport.WsmanTransport;
import io.winrminvoke.engine.winrm.transport.WsmanTransports;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WinRS over one host's keep-alive connections: each {@link #start} creates a shell and runs
 * one command in it. {@link #close()} from another thread aborts a start in progress and
 * terminates the commands still running.
 */
public final class ShellClient implements WinRsClient {

    /** Default WINRS_CODEPAGE when the settings leave it 0: UTF-8. */
    private static final int UTF8_CODEPAGE = 65001;

    private final ConnectionSettings settings;
    private final WsmanTransport transport;
    private final WsmanChannel channel;
    private final RequestBounds bounds;
    private final int codepage;
    private final Set<ShellCommand> running = ConcurrentHashMap.newKeySet();

    private final Object lock = new Object();
    private boolean closed;                 // guarded by lock
    private Call startInFlight;             // guarded by lock
    private boolean startInFlightIsCreate;  // guarded by lock
    private int startsInProgress;           // guarded by lock

    /**
     * Sets the client up; contacts nobody.
     *
     * @param transports the run's transports (its clients share its Kerberos logins)
     * @throws IllegalArgumentException when a setting is unusable; the message names it
     */
    public ShellClient(ConnectionSettings settings, WsmanTransports transports) {
        ConnectionSettingsCheck.validate(settings);
        this.settings = settings;
        this.codepage = settings.codepage() == 0 ? UTF8_CODEPAGE : settings.codepage();
        this.bounds = RequestBounds.of(settings);
        this.transport = transports.open(settings);
        this.channel = new WsmanChannel(transport,
                RequestContext.of(transport.endpoint().toString(), settings.operationTimeout()), settings.user(),
                settings.https());
    }

    @Override
    public RemoteCommand start(String command, List<String> arguments, boolean skipCmdShell, boolean stdinPiped)
            throws WinRmException {
        synchronized (lock) {
            if (closed) {
                throw WinRmFailures.closedWhileStarting(false);
            }
            startsInProgress++;
        }
        try {
            return createAndRun(command, arguments, skipCmdShell, stdinPiped);
        } finally {
            boolean lastOut;
            synchronized (lock) {
                startsInProgress--;
                lastOut = closed && startsInProgress == 0;
                lock.notifyAll();
            }
            if (lastOut) {
                transport.close(); // close() left the connections to the start it found under way
            }
        }
    }

    private RemoteCommand createAndRun(String command, List<String> arguments, boolean skipCmdShell,
                                       boolean stdinPiped)
            throws WinRmException {
        SoapResponse created = startCall(new CreateShellRequest(codepage, true), false);
        if (created.isFault()) {
            throw WinRmFailures.fault(WsmanAction.CREATE, created.fault(), false);
        }
        String shellId = created.shellId();
        if (shellId == null || shellId.isBlank()) {
            throw new WinRmException(FailureKind.PROTOCOL_ERROR, false, "Create answered without a ShellId");
        }
        boolean handedOver = false;
        try {
            synchronized (lock) {
                if (closed) {
                    // closed while the Create was on its way: the finally below deletes its shell
                    throw WinRmFailures.closedWhileStarting(false);
                }
            }
            SoapResponse started = startCall(new CommandRequest(shellId, command, arguments, skipCmdShell, stdinPiped), true);
            if (started.isFault()) {
                // The host refused to start it: nothing ran.
                throw WinRmFailures.fault(WsmanAction.COMMAND, started.fault(), false);
            }
            if (started.commandId() == null || started.commandId().isBlank()) {
                throw new WinRmException(FailureKind.PROTOCOL_ERROR, true, "Command answered without a CommandId");
            }
            ShellCommand remote = new ShellCommand(channel, bounds, shellId, started.commandId(), settings.host(),
                    running::remove);
            running.add(remote);
            handedOver = true;
            synchronized (lock) {
                if (!closed) {
                    return remote;
                }
            }
            remote.terminate();
            throw WinRmFailures.closedWhileStarting(true);
        } catch (WinRmException e) {
            if (handedOver) {
                throw e;
            }
            handedOver = true; // deleted here, so the message can tell whether it went
            throw deleted(shellId) ? e : e.leavingShellOpen(WinRmFailures.shellMayBeOpen(shellId, settings.host()));
        } finally {
            if (!handedOver) {
                // Nobody holds the command, so nobody else would delete its shell; Delete also
                // kills a command whose start was sent but whose answer was lost.
                deleted(shellId);
            }
        }
    }

    /** Create and Command: abortable by {@link #close()}. */
    private SoapResponse startCall(WsmanRequest request, boolean isCommand) throws WinRmException {
        Call call;
        synchronized (lock) {
            if (closed) {
                throw WinRmFailures.closedWhileStarting(false);
            }
            call = channel.prepare(request, bounds.normal());
            startInFlight = call;
            startInFlightIsCreate = !isCommand;
        }
        try {
            return call.execute();
        } catch (WinRmException e) {
            boolean mayHaveStarted = isCommand && WinRmFailures.mayHaveReachedHost(e.kind());
            // A Create that reached the host but went unanswered may have made a shell only its
            // answer would have named.
            boolean shellUnnamed = !isCommand && WinRmFailures.mayHaveReachedHost(e.kind());
            synchronized (lock) {
                if (closed) {
                    WinRmException stopped = WinRmFailures.closedWhileStarting(isCommand);
                    throw shellUnnamed ? stopped.leavingShellOpen(WinRmFailures.unnamedShellMayBeOpen(settings.host())) : stopped;
                }
            }
            if (shellUnnamed) {
                throw e.leavingShellOpen(WinRmFailures.unnamedShellMayBeOpen(settings.host()));
            }
            return rethrow(e, mayHaveStarted);
        } finally {
            synchronized (lock) {
                if (startInFlight == call) {
                    startInFlight = null;
                    lock.notifyAll();
                }
            }
        }
    }

    private static SoapResponse rethrow(WinRmException e, boolean commandStarted) throws WinRmException {
        throw commandStarted ? WinRmFailures.afterStart(e) : e;
    }

    /** Best effort (the host reclaims an idle shell after its IdleTimeout); whether the host confirmed it. */
    private boolean deleted(String shellId) {
        try {
            SoapResponse answer = channel.prepare(new DeleteShellRequest(shellId), bounds.cleanup()).execute();
            return !answer.isFault() || answer.fault().isInvalidSelectors();
        } catch (WinRmException | RuntimeException e) {
            return false;
        }
    }

    /** TCP connections opened so far (keep-alive keeps this small); for diagnostics and tests. */
    public int connectionsOpened() {
        return transport.connectionsOpened();
    }

    /**
     * Aborts a start in progress, terminates running commands, then releases the connections. A
     * Create already sent is not aborted: the host makes a shell that only its answer names, so
     * cancelling it would leave that shell open until the host's IdleTimeout (2 h on Windows,
     * counting against MaxShellsPerUser). It is given up to the operation timeout to answer; the
     * start then deletes the shell, and releases the connections once it has.
     */
    @Override
    public void close() {
        Call toAbort;
        boolean releaseNow;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            long graceEnd = System.nanoTime() + settings.operationTimeout().toNanos();
            while (startInFlight != null && startInFlightIsCreate && System.nanoTime() < graceEnd) {
                try {
                    lock.wait(Math.max(1, (graceEnd - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            toAbort = startInFlight;
            releaseNow = startsInProgress == 0;
        }
        if (toAbort != null) {
            toAbort.cancel();
        }
        for (ShellCommand command : List.copyOf(running)) {
            command.terminate();
        }
        if (releaseNow) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "ShellClient[" + settings + "]";
    }
}
