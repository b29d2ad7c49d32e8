package io.winrminvoke.simulator;

import io.winrminvoke.simulator.auth.cbt.CbtHardeningLevel;
import io.winrminvoke.simulator.scenario.DurationText;
import io.winrminvoke.simulator.scenario.Scenario;
import io.winrminvoke.simulator.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone launcher: starts N simulated hosts on loopback, writes one {@code 127.0.0.1:port}
 * per line to the inventory, prints a line starting with {@code READY}, and runs until killed.
 * Bad input is one line on stderr and exit status 2, never a stack trace.
 */
@Command(name = "winrm-simulator", mixinStandardHelpOptions = true,
        description = "Simulated Windows hosts speaking WS-Management/WinRS on 127.0.0.1 (one port each).")
public final class SimulatorMain {
    /** Exit status for invalid options or an unusable scenario file. */
    public static final int INVALID_INPUT = 2;
    /** Exit status when the fleet cannot start (e.g. no free port). */
    public static final int START_FAILED = 1;

    @Option(names = "--hosts", required = true, paramLabel = "N", description = "number of hosts (1..5000)")
    int hosts;

    @Option(names = "--user", required = true, paramLabel = "U", description = "user every host accepts (Basic)")
    String user;

    @Option(names = "--password", required = true, paramLabel = "P", description = "password every host accepts")
    String password;

    @Option(names = "--inventory-out", required = true, paramLabel = "FILE",
            description = "file to write with one 127.0.0.1:port per host")
    Path inventoryOut;

    @Option(names = "--https", description = "serve HTTPS with a certificate generated at start-up")
    boolean https;

    @Option(names = "--tls-mode", paramLabel = "MODE", defaultValue = "ca",
            description = "ca (server certificate signed by a generated CA) or self-signed; default ca")
    String tlsMode;

    @Option(names = "--ca-out", paramLabel = "FILE", description = "with --https: write the PEM certificate clients must trust")
    Path caOut;

    @Option(names = "--latency", paramLabel = "DURATION", description = "added to every request, e.g. 50ms or PT0.05S")
    String latency;

    @Option(names = "--scenario", paramLabel = "FILE", description = "per-host behaviour (JSON, see docs/simulator.md)")
    Path scenario;

    @Option(names = "--request-log", paramLabel = "FILE", description = "write every request as a JSON line")
    Path requestLog;

    @Option(names = "--auth", paramLabel = "LIST", defaultValue = "basic",
            description = "comma-separated schemes the hosts accept: basic, ntlm, kerberos (Negotiate); default basic")
    String auth;

    @Option(names = "--require-encryption",
            description = "AllowUnencrypted=false: over HTTP only Negotiate with message encryption is accepted")
    boolean requireEncryption;

    @Option(names = "--keytab", paramLabel = "FILE", description = "service keys (HTTP/..., WSMAN/...) for --auth kerberos")
    Path keytab;

    @Option(names = "--realm", paramLabel = "REALM", description = "with kerberos: accept only clients of this realm")
    String realm;

    @Option(names = "--cbt-hardening", paramLabel = "LEVEL", defaultValue = "relaxed",
            description = "CbtHardeningLevel of HTTPS Negotiate logons: none, relaxed, strict; default relaxed")
    String cbtHardening;

    @Option(names = "--wire-log", paramLabel = "FILE", description = "write every exchange's raw request and response bytes")
    Path wireLog;

    /** Accepted and ignored: there is no relay in front of a port any more, so nothing to leave out. */
    @Option(names = "--no-http-front", hidden = true,
            description = "no effect, kept for old command lines (ports answer TLS bytes with 400 Invalid Verb without a relay)")
    boolean noHttpFront;

    @Option(names = "--clock-scale", paramLabel = "X", defaultValue = "1",
            description = "multiply every simulator-side duration by X (0.01 makes 1 s last 10 ms)")
    double clockScale;

    /** Invalid input or a failed start, with the exit status to use. */
    public static final class LaunchException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        LaunchException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public static void main(String[] args) {
        SimulatedFleet fleet;
        try {
            fleet = start(args, System.out);
        } catch (LaunchException e) {
            System.err.println("winrm-simulator: " + e.getMessage());
            System.exit(e.exitCode());
            return;
        }
        if (fleet == null) {
            return; // --help or --version
        }
        Runtime.getRuntime().addShutdownHook(new Thread(fleet::close, "winrm-simulator-shutdown"));
        try {
            new CountDownLatch(1).await(); // until killed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Parses {@code args}, starts the fleet, writes the inventory and prints the READY line to
     * {@code out}. Returns null after printing help or version.
     */
    public static SimulatedFleet start(String[] args, PrintStream out) {
        SimulatorMain options = new SimulatorMain();
        CommandLine cl = new CommandLine(options);
        try {
            CommandLine.ParseResult parsed = cl.parseArgs(args);
            if (parsed.isUsageHelpRequested()) {
                cl.usage(out);
                return null;
            }
            if (parsed.isVersionHelpRequested()) {
                out.println("winrm-simulator");
                return null;
            }
        } catch (CommandLine.ParameterException e) {
            throw new LaunchException(firstLine(e.getMessage()), INVALID_INPUT);
        }
        FleetConfig config = options.config();
        SimulatedFleet fleet;
        try {
            fleet = SimulatedFleet.start(config);
        } catch (ScenarioException e) {
            throw new LaunchException("--scenario " + options.scenario + ": " + firstLine(e.getMessage()), INVALID_INPUT);
        } catch (RuntimeException e) {
            throw new LaunchException("cannot start the fleet: " + firstLine(String.valueOf(e.getMessage())), START_FAILED);
        }
        try {
            Files.write(options.inventoryOut, fleet.inventory(), StandardCharsets.UTF_8);
            if (options.caOut != null) {
                Files.writeString(options.caOut, fleet.tls().caCertificatePem(), StandardCharsets.UTF_8);
            }
        } catch (IOException | UncheckedIOException e) {
            fleet.close();
            throw new LaunchException("cannot write " + (e instanceof IOException io ? io.getMessage() : e.getMessage()),
                    INVALID_INPUT);
        }
        out.println("READY " + fleet.hosts().size() + " hosts on 127.0.0.1 (" + (config.https() ? "https" : "http")
                + ", auth " + options.auth + (options.requireEncryption ? ", encryption required" : "")
                + "), inventory " + options.inventoryOut);
        out.flush();
        return fleet;
    }

    private FleetConfig config() {
        FleetConfig.Builder b = FleetConfig.builder().hosts(hosts).user(user).password(password).https(https)
                .clockScale(clockScale).requestLog(requestLog).wireLog(wireLog);
        try {
            authOptions(b);
            b.tlsMode(switch (tlsMode) {
                case "ca" -> TlsMode.CA_SIGNED;
                case "self-signed" -> TlsMode.SELF_SIGNED;
                default -> throw new LaunchException("--tls-mode: '" + tlsMode + "' is not allowed; use ca or self-signed",
                        INVALID_INPUT);
            });
            if (caOut != null && !https) {
                throw new LaunchException("--ca-out: needs --https (an HTTP fleet has no certificate)", INVALID_INPUT);
            }
            if (latency != null) {
                b.latency(DurationText.parse(latency, "--latency"));
            }
            if (scenario != null) {
                try {
                    b.scenario(Scenario.fromFile(scenario));
                } catch (ScenarioException e) {
                    throw new LaunchException("--scenario " + scenario + ": " + firstLine(e.getMessage()), INVALID_INPUT);
                }
            }
            if (requestLog != null && requestLog.getParent() != null && !Files.isDirectory(requestLog.getParent())) {
                throw new LaunchException("--request-log: directory " + requestLog.getParent() + " does not exist",
                        INVALID_INPUT);
            }
            if (inventoryOut.getParent() != null && !Files.isDirectory(inventoryOut.getParent())) {
                throw new LaunchException("--inventory-out: directory " + inventoryOut.getParent() + " does not exist",
                        INVALID_INPUT);
            }
            return b.build();
        } catch (ScenarioException | IllegalArgumentException e) {
            throw new LaunchException(optionName(firstLine(e.getMessage())), INVALID_INPUT);
        }
    }

    private void authOptions(FleetConfig.Builder b) {
        Set<String> schemes = new LinkedHashSet<>();
        for (String scheme : auth.split(",", -1)) {
            String s = scheme.trim().toLowerCase(Locale.ROOT);
            if (!Set.of("basic", "ntlm", "kerberos").contains(s)) {
                throw new LaunchException("--auth: '" + auth + "' is not allowed; use a comma-separated list of basic, ntlm, kerberos",
                        INVALID_INPUT);
            }
            schemes.add(s);
        }
        boolean kerberos = schemes.contains("kerberos");
        if (kerberos && keytab == null) {
            throw new LaunchException("--auth: kerberos needs --keytab FILE with the hosts' service keys", INVALID_INPUT);
        }
        if (!kerberos && (keytab != null || realm != null)) {
            throw new LaunchException((keytab != null ? "--keytab" : "--realm") + ": needs kerberos in --auth", INVALID_INPUT);
        }
        b.basic(schemes.contains("basic")).ntlm(schemes.contains("ntlm")).kerberos(kerberos)
                .allowUnencrypted(!requireEncryption).kerberosKeytab(keytab).kerberosRealm(realm)
                .cbtHardeningLevel(CbtHardeningLevel.parse(cbtHardening, "--cbt-hardening"));
        if (wireLog != null && wireLog.getParent() != null && !Files.isDirectory(wireLog.getParent())) {
            throw new LaunchException("--wire-log: directory " + wireLog.getParent() + " does not exist", INVALID_INPUT);
        }
    }

    /** FleetConfig names options as Java properties; the launcher's user knows them as flags. */
    private static String optionName(String message) {
        return message.replaceFirst("^hosts:", "--hosts:").replaceFirst("^user:", "--user:")
                .replaceFirst("^password:", "--password:").replaceFirst("^clockScale:", "--clock-scale:")
                .replaceFirst("^latency:", "--latency:").replaceFirst("^kerberosKeytab:", "--keytab:")
                .replaceFirst("^kerberosRealm:", "--realm:");
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
