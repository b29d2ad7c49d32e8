package io.winrminvoke.simulator.scenario;

import io.winrminvoke.simulator.auth.AuthSettings;
import io.winrminvoke.simulator.auth.cbt.CbtHardeningLevel;

import java.time.Duration;
import java.util.List;

/**
 * How one simulated host behaves: the scenario's {@code defaults} merged with every {@code hosts}
 * entry that matches it. {@code steps == null} means the default behaviour (run the command line
 * under /bin/sh); {@code password == null} means the fleet's password; a null authentication
 * setting ({@code basic}, {@code allowUnencrypted}, {@code ntlm}, {@code kerberos},
 * {@code cbtHardeningLevel}) means the fleet's default, see {@link #authSettings(AuthSettings)}.
 * {@code createLatency} is added to Create only (a host slow to make shells); the shell exists
 * once the wait is over, whether or not the client is still there to hear of it.
 */
public record HostBehaviour(
        boolean refuse,
        boolean hangConnection,
        Integer dropOnRequest,
        FaultOnRequest faultOnRequest,
        Duration latency,
        Duration createLatency,
        Boolean basic,
        Boolean allowUnencrypted,
        Boolean ntlm,
        Boolean kerberos,
        CbtHardeningLevel cbtHardeningLevel,
        String password,
        long exitCode,
        List<Step> steps,
        int maxShellsPerUser,
        int maxConcurrentOperationsPerUser,
        int maxEnvelopeSizeKb,
        long maxTimeoutMs) {

    public static final int DEFAULT_MAX_SHELLS_PER_USER = 30;
    public static final int DEFAULT_MAX_CONCURRENT_OPERATIONS_PER_USER = 1500;
    public static final int DEFAULT_MAX_ENVELOPE_SIZE_KB = 500;
    public static final long DEFAULT_MAX_TIMEOUT_MS = 60_000;

    public HostBehaviour {
        steps = steps == null ? null : List.copyOf(steps);
    }

    /** A Windows host with default WinRM settings and Basic enabled, running commands under /bin/sh. */
    public static HostBehaviour defaults() {
        return new HostBehaviour(false, false, null, null, Duration.ZERO, Duration.ZERO, null, null, null, null, null, null, 0, null,
                DEFAULT_MAX_SHELLS_PER_USER, DEFAULT_MAX_CONCURRENT_OPERATIONS_PER_USER,
                DEFAULT_MAX_ENVELOPE_SIZE_KB, DEFAULT_MAX_TIMEOUT_MS);
    }

    /** This host's authentication: its own settings where the scenario gives them, else the fleet's. */
    public AuthSettings authSettings(AuthSettings fleet) {
        return new AuthSettings(
                basic != null ? basic : fleet.basic(),
                allowUnencrypted != null ? allowUnencrypted : fleet.allowUnencrypted(),
                ntlm != null ? ntlm : fleet.ntlm(),
                kerberos != null ? kerberos : fleet.kerberos(),
                cbtHardeningLevel != null ? cbtHardeningLevel : fleet.cbtHardeningLevel());
    }

    /** True when commands follow {@link #steps()} instead of running under /bin/sh. */
    public boolean scripted() {
        return steps != null;
    }

    public HostBehaviour withLatency(Duration value) {
        return new HostBehaviour(refuse, hangConnection, dropOnRequest, faultOnRequest, value, createLatency, basic, allowUnencrypted,
                ntlm, kerberos, cbtHardeningLevel, password, exitCode, steps, maxShellsPerUser, maxConcurrentOperationsPerUser, maxEnvelopeSizeKb,
                maxTimeoutMs);
    }
}
