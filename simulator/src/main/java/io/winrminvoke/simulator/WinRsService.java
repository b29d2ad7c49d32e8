package io.winrminvoke.simulator;

import io.winrminvoke.simulator.scenario.HostBehaviour;
import io.winrminvoke.simulator.shell.CommandOutput;
import io.winrminvoke.simulator.shell.ProcessCommand;
import io.winrminvoke.simulator.shell.ScriptedCommand;
import io.winrminvoke.simulator.shell.SimulatedCommand;
import io.winrminvoke.simulator.wsman.Namespaces;
import io.winrminvoke.simulator.wsman.WsmanFault;
import io.winrminvoke.simulator.wsman.WsmanRequest;
import io.winrminvoke.simulator.wsman.WsmanResponses;
import org.w3c.dom.Element;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/** The WinRS shells of one simulated host: Create, Command, Receive, Send, Signal, Delete. */
final class WinRsService {
    /** The smallest MaxEnvelopeSize Windows accepts from a client. */
    static final long MIN_ENVELOPE_SIZE = 8192;

    private final String hostName;
    private final HostBehaviour behaviour;
    private final Counters counters;
    private final SimulatorClock clock;
    private final ExecutorService commandThreads;
    private final String owner;
    private final Map<String, Shell> shells = new ConcurrentHashMap<>();

    private static final class Shell {
        final String id;
        final Map<String, SimulatedCommand> commands = new ConcurrentHashMap<>();

        Shell(String id) {
            this.id = id;
        }
    }

    WinRsService(String hostName, HostBehaviour behaviour, Counters counters, SimulatorClock clock,
                 ExecutorService commandThreads, String owner) {
        this.hostName = hostName;
        this.behaviour = behaviour;
        this.counters = counters;
        this.clock = clock;
        this.commandThreads = commandThreads;
        this.owner = owner;
    }

    Reply handle(WsmanRequest request, String endpointAddress, String clientIp, ExchangeRecord record) {
        if (request.maxEnvelopeSize() < MIN_ENVELOPE_SIZE) {
            return fault(request, record, WsmanFault.EncodingLimit, null,
                    "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/MinimumEnvelopeLimit");
        }
        return switch (request.action()) {
            case CREATE -> create(request, endpointAddress, clientIp, record);
            case COMMAND -> command(request, record);
            case RECEIVE -> receive(request, record);
            case SEND -> send(request, record);
            case SIGNAL -> signal(request, record);
            case DELETE -> delete(request, record);
            case UNKNOWN -> fault(request, record, WsmanFault.ActionNotSupported, null, null);
        };
    }

    private Reply create(WsmanRequest request, String endpointAddress, String clientIp, ExchangeRecord record) {
        clock.sleep(behaviour.createLatency());
        String id = WsmanResponses.newId();
        synchronized (shells) {
            if (shells.size() >= behaviour.maxShellsPerUser()) {
                return fault(request, record, WsmanFault.QuotaLimit,
                        Integer.toString(behaviour.maxShellsPerUser()), null);
            }
            shells.put(id, new Shell(id));
        }
        counters.shellOpened();
        record.shellId = id;
        return Reply.ok(WsmanResponses.create(request.messageId(), endpointAddress, id, owner, clientIp));
    }

    private Reply command(WsmanRequest request, ExchangeRecord record) {
        Shell shell = shell(request, record);
        if (shell == null) {
            return noShell(request, record);
        }
        Element line = body(request, "CommandLine");
        if (line == null) {
            return fault(request, record, WsmanFault.InvalidMessage, null, null);
        }
        String command = WsmanRequest.text(WsmanRequest.child(line, Namespaces.SHELL, "Command"));
        List<Element> arguments = WsmanRequest.children(line, Namespaces.SHELL, "Arguments");
        String commandLine = (command == null ? "" : command)
                + arguments.stream().map(a -> " " + a.getTextContent()).collect(Collectors.joining());
        record.commandLine = commandLine;
        record.decodedScript = EncodedCommand.decode(commandLine);
        synchronized (shells) {
            // a Delete may have run since the lookup above: never start a command in a shell
            // nobody holds any more (it would run on with no one to kill it)
            if (shells.get(shell.id) != shell) {
                return noShell(request, record);
            }
            if (counters.openCommands() >= behaviour.maxConcurrentOperationsPerUser()) {
                return fault(request, record, WsmanFault.QuotaLimitOperations,
                        Integer.toString(behaviour.maxConcurrentOperationsPerUser()), null);
            }
            String requested = line.getAttribute("CommandId");
            String id = requested.isEmpty() ? WsmanResponses.newId() : requested;
            if (shell.commands.containsKey(id)) {
                return fault(request, record, WsmanFault.InvalidSelectors, null, null); // CommandId in use
            }
            SimulatedCommand cmd = behaviour.scripted()
                    ? new ScriptedCommand(id, behaviour.steps(), behaviour.exitCode(), clock, commandThreads)
                    : new ProcessCommand(id, commandLine, commandThreads);
            shell.commands.put(id, cmd);
            counters.commandStarted();
            record.commandId = id;
            cmd.start();
        }
        return Reply.ok(WsmanResponses.command(request.messageId(), record.commandId));
    }

    private Reply receive(WsmanRequest request, ExchangeRecord record) {
        Shell shell = shell(request, record);
        if (shell == null) {
            return noShell(request, record);
        }
        Element desired = WsmanRequest.child(body(request, "Receive"), Namespaces.SHELL, "DesiredStream");
        String commandId = desired == null ? "" : desired.getAttribute("CommandId");
        record.commandId = commandId.isEmpty() ? null : commandId;
        SimulatedCommand cmd = shell.commands.get(commandId);
        if (cmd == null) {
            return noCommand(request, record, shell, commandId);
        }
        long envelope = Math.min(request.maxEnvelopeSize(), behaviour.maxEnvelopeSizeKb() * 1024L);
        // base64 grows data by 4/3; the rest of the envelope is fixed-size markup
        int maxData = (int) Math.max(1, (envelope - WsmanResponses.RECEIVE_OVERHEAD) * 3 / 4);
        Duration timeout = request.operationTimeout() == null ? Duration.ofMillis(behaviour.maxTimeoutMs())
                : request.operationTimeout();
        if (timeout.toMillis() > behaviour.maxTimeoutMs()) {
            timeout = Duration.ofMillis(behaviour.maxTimeoutMs());
        }
        CommandOutput.Chunk chunk;
        try {
            chunk = cmd.output().receive(maxData, clock.scaled(timeout).toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fault(request, record, WsmanFault.InternalError, null, null);
        }
        if (chunk == null) {
            return fault(request, record, WsmanFault.TimedOut, null, null);
        }
        if (!shell.commands.containsKey(commandId)) {
            // terminated or deleted while this Receive waited
            return noCommand(request, record, shell, commandId);
        }
        return Reply.ok(WsmanResponses.receive(request.messageId(), commandId, chunk.stdout(), chunk.stderr(),
                chunk.stdoutEnd(), chunk.stderrEnd(), chunk.exitCode()));
    }

    private Reply send(WsmanRequest request, ExchangeRecord record) {
        Shell shell = shell(request, record);
        if (shell == null) {
            return noShell(request, record);
        }
        List<Element> streams = WsmanRequest.children(body(request, "Send"), Namespaces.SHELL, "Stream");
        String commandId = streams.isEmpty() ? "" : streams.get(0).getAttribute("CommandId");
        record.commandId = commandId.isEmpty() ? null : commandId;
        SimulatedCommand cmd = shell.commands.get(commandId);
        if (cmd == null) {
            return noCommand(request, record, shell, commandId);
        }
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Element s : streams) {
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(s.getTextContent().trim());
            } catch (IllegalArgumentException e) {
                return fault(request, record, WsmanFault.InvalidMessage, null, null);
            }
            all.writeBytes(bytes);
            cmd.stdin(bytes, "true".equalsIgnoreCase(s.getAttribute("End")));
        }
        record.stdinBase64 = Base64.getEncoder().encodeToString(all.toByteArray());
        return Reply.ok(WsmanResponses.send(request.messageId()));
    }

    private Reply signal(WsmanRequest request, ExchangeRecord record) {
        Shell shell = shell(request, record);
        if (shell == null) {
            return noShell(request, record);
        }
        Element signal = body(request, "Signal");
        String commandId = signal == null ? "" : signal.getAttribute("CommandId");
        record.commandId = commandId.isEmpty() ? null : commandId;
        String code = WsmanRequest.text(WsmanRequest.child(signal, Namespaces.SHELL, "Code"));
        record.signalCode = code == null ? null : code.trim();
        SimulatedCommand cmd = shell.commands.get(commandId);
        if (cmd == null) {
            return noCommand(request, record, shell, commandId);
        }
        if (Namespaces.SIGNAL_CTRL_C.equals(record.signalCode) || Namespaces.SIGNAL_CTRL_BREAK.equals(record.signalCode)) {
            cmd.interrupt();
        } else if (shell.commands.remove(commandId) != null) {
            // terminate: the command and what it started are gone; later Receives fail InvalidSelectors
            cmd.kill();
            counters.commandClosed();
        }
        return Reply.ok(WsmanResponses.signal(request.messageId()));
    }

    private Reply delete(WsmanRequest request, ExchangeRecord record) {
        String id = request.shellId();
        record.shellId = id;
        Shell shell;
        synchronized (shells) { // against a Command starting in this shell at the same moment
            shell = id == null ? null : shells.remove(id);
        }
        if (shell == null) {
            return noShell(request, record);
        }
        closeShell(shell);
        return Reply.ok(WsmanResponses.delete(request.messageId()));
    }

    /** Kills every command of every shell, for a fleet that is shutting down. */
    void closeAll() {
        for (String id : List.copyOf(shells.keySet())) {
            Shell shell;
            synchronized (shells) {
                shell = shells.remove(id);
            }
            if (shell != null) {
                closeShell(shell);
            }
        }
    }

    private void closeShell(Shell shell) {
        for (String commandId : List.copyOf(shell.commands.keySet())) {
            SimulatedCommand cmd = shell.commands.remove(commandId);
            if (cmd != null) {
                cmd.kill();
                counters.commandClosed();
            }
        }
        counters.shellClosed();
    }

    private Shell shell(WsmanRequest request, ExchangeRecord record) {
        String id = request.shellId();
        record.shellId = id;
        return id == null ? null : shells.get(id);
    }

    private static Element body(WsmanRequest request, String localName) {
        Element e = request.bodyElement();
        return e != null && Namespaces.SHELL.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName()) ? e : null;
    }

    private Reply noShell(WsmanRequest request, ExchangeRecord record) {
        return fault(request, record, WsmanFault.InvalidSelectors, String.valueOf(request.shellId()), null);
    }

    private Reply noCommand(WsmanRequest request, ExchangeRecord record, Shell shell, String commandId) {
        record.fault = WsmanFault.InvalidSelectors.subcode();
        String message = "The request for the Windows Remote Shell with ShellId " + shell.id
                + " failed because the command with CommandId " + commandId + " was not found on the server. ";
        return Reply.fault(WsmanResponses.fault(request.messageId(), WsmanFault.InvalidSelectors, message, null, hostName));
    }

    Reply fault(WsmanRequest request, ExchangeRecord record, WsmanFault fault, String detail, String faultDetailUri) {
        record.fault = fault.subcode();
        return Reply.fault(WsmanResponses.fault(request == null ? null : request.messageId(), fault,
                fault.reason(detail), faultDetailUri, hostName));
    }
}
