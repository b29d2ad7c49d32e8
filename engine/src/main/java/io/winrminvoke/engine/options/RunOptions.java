package io.winrminvoke.engine.options;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.OptionLabels;

import io.winrminvoke.engine.retry.RetryPolicy;
import io.winrminvoke.engine.ssh.SshSettings;
import io.winrminvoke.engine.rollout.RolloutPolicy;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.Transport;
import io.winrminvoke.engine.winrm.AuthSettings;
import io.winrminvoke.engine.winrm.TlsSettings;
import java.time.Duration;
import java.util.List;

/**
 * How a run talks to its hosts and how far it goes. Validated once when built; every message
 * names the option, the bad value and what is allowed. Defaults and the peer each follows are in
 * docs/engine.md.
 *
 * @param https            HTTPS instead of HTTP (WinRM hosts)
 * @param port             port for targets of the run's transport that name none; null = 5985
 *                         (HTTP) / 5986 (HTTPS) for WinRM, 22 for SSH
 * @param tls              certificate verification for HTTPS
 * @param throttle         most hosts in flight at once
 * @param connectTimeout   TCP/TLS connect timeout per connection
 * @param operationTimeout WS-Management OperationTimeout (how long one Receive may wait for output);
 *                         over SSH, the keep-alive interval
 * @param commandTimeout   per-host, per-attempt limit from the attempt's start; null = none
 * @param overallTimeout   limit for the whole run from its start; null = none
 * @param retryPolicy      retries of transient failures
 * @param outputLimitBytes per stream and host, UTF-8 bytes of decoded text kept in the result
 * @param transport        how targets that name no transport are reached; null = WinRM
 * @param ssh              host key verification for SSH targets
 * @param rollout          waves and failure budget (docs/rollout.md); null = one wave, no budget
 * @param auth             WinRM authentication (null = the method follows the user name, docs/auth.md)
 * @param authFailureLimit hosts that may refuse the credentials before no further host is tried with
 *                         them (lock-out protection, docs/engine.md); 0 = no limit
 * @param labels           the front end's names for the options its messages mention (null = the engine's)
 */
public record RunOptions(boolean https, Integer port, TlsSettings tls, int throttle, Duration connectTimeout,
                         Duration operationTimeout, Duration commandTimeout, Duration overallTimeout,
                         RetryPolicy retryPolicy, int outputLimitBytes, Transport transport, SshSettings ssh,
                         RolloutPolicy rollout, AuthSettings auth, int authFailureLimit, OptionLabels labels) {

    public static final int HTTP_PORT = 5985;
    public static final int HTTPS_PORT = 5986;
    /** PowerShell Invoke-Command's default ThrottleLimit. */
    public static final int DEFAULT_THROTTLE = 32;
    public static final int MAX_THROTTLE = 4096;
    /** pywinrm's connect/read default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** pywinrm's and Ansible's operation timeout. */
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_OUTPUT_LIMIT_BYTES = 16 * 1024;
    public static final int MAX_OUTPUT_LIMIT_BYTES = 64 * 1024 * 1024;

    /**
     * One refused logon stops the run's use of the account: a domain's lock-out threshold is
     * typically 5 to 10 failed logons, fewer than one wave of a fleet.
     */
    public static final int DEFAULT_AUTH_FAILURE_LIMIT = 1;
    public static final int MAX_AUTH_FAILURE_LIMIT = 1_000_000;

    private static final Duration MAX_TIMEOUT = Duration.ofDays(7);

    public RunOptions {
        tls = tls == null ? TlsSettings.verifying() : tls;
        transport = transport == null ? Transport.WINRM : transport;
        ssh = ssh == null ? SshSettings.verifying() : ssh;
        retryPolicy = retryPolicy == null ? RetryPolicy.defaults() : retryPolicy;
        rollout = rollout == null ? RolloutPolicy.NONE : rollout;
        auth = auth == null ? AuthSettings.byUserName() : auth;
        labels = labels == null ? OptionLabels.ENGINE : labels;
        if (authFailureLimit < 0 || authFailureLimit > MAX_AUTH_FAILURE_LIMIT) {
            throw InvalidInputException.forOption("authFailureLimit", authFailureLimit,
                    "allowed 0 (no limit) or 1.." + MAX_AUTH_FAILURE_LIMIT);
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw InvalidInputException.forOption("port", port, "allowed 1..65535");
        }
        if (throttle < 1 || throttle > MAX_THROTTLE) {
            throw InvalidInputException.forOption("throttle", throttle, "allowed 1.." + MAX_THROTTLE);
        }
        requireTimeout("connectTimeout", connectTimeout, Duration.ofMillis(1), Duration.ofHours(1));
        // Windows itself caps OperationTimeout at MaxTimeoutms (60 s by default) and faults above it.
        requireTimeout("operationTimeout", operationTimeout, Duration.ofMillis(100), Duration.ofHours(1));
        if (commandTimeout != null) {
            requireTimeout("commandTimeout", commandTimeout, Duration.ofMillis(1), MAX_TIMEOUT);
        }
        if (overallTimeout != null) {
            requireTimeout("overallTimeout", overallTimeout, Duration.ofMillis(1), MAX_TIMEOUT);
        }
        if (outputLimitBytes < 0 || outputLimitBytes > MAX_OUTPUT_LIMIT_BYTES) {
            throw InvalidInputException.forOption("outputLimitBytes", outputLimitBytes,
                    "allowed 0.." + MAX_OUTPUT_LIMIT_BYTES);
        }
    }

    public static RunOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The port used for a target: its own, else {@link #port} if the target uses the run's
     * transport, else its transport's default (5985/5986 for WinRM, 22 for SSH).
     */
    public int portFor(Target target) {
        Transport t = transportFor(target);
        if (port != null && t == transport) {
            return target.portOr(port);
        }
        return target.portOr(t == Transport.SSH ? Transport.SSH_PORT : https ? HTTPS_PORT : HTTP_PORT);
    }

    /** The transport used for a target: its own ({@code ssh://...}), else the run's. */
    public Transport transportFor(Target target) {
        return target.transportOr(transport);
    }

    /** Whether any of {@code targets} is reached over {@code t}. */
    public boolean anyUses(Transport t, List<Target> targets) {
        return targets.stream().anyMatch(target -> transportFor(target) == t);
    }

    private static void requireTimeout(String option, Duration value, Duration min, Duration max) {
        if (value == null) {
            throw InvalidInputException.forOption(option, "(none)", "allowed " + min + ".." + max);
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw InvalidInputException.forOption(option, value, "allowed " + min + ".." + max);
        }
    }

    /** Builder starting from the defaults. */
    public static final class Builder {
        private boolean https;
        private Integer port;
        private TlsSettings tls = TlsSettings.verifying();
        private int throttle = DEFAULT_THROTTLE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration operationTimeout = DEFAULT_OPERATION_TIMEOUT;
        private Duration commandTimeout;
        private Duration overallTimeout;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int outputLimitBytes = DEFAULT_OUTPUT_LIMIT_BYTES;
        private Transport transport = Transport.WINRM;
        private SshSettings ssh = SshSettings.verifying();
        private RolloutPolicy rollout = RolloutPolicy.NONE;
        private AuthSettings auth = AuthSettings.byUserName();
        private int authFailureLimit = DEFAULT_AUTH_FAILURE_LIMIT;
        private OptionLabels labels = OptionLabels.ENGINE;

        private Builder() {
        }

        public Builder transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        public Builder ssh(SshSettings ssh) {
            this.ssh = ssh;
            return this;
        }

        public Builder https(boolean https) {
            this.https = https;
            return this;
        }

        public Builder port(Integer port) {
            this.port = port;
            return this;
        }

        public Builder tls(TlsSettings tls) {
            this.tls = tls;
            return this;
        }

        public Builder throttle(int throttle) {
            this.throttle = throttle;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder operationTimeout(Duration operationTimeout) {
            this.operationTimeout = operationTimeout;
            return this;
        }

        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
            return this;
        }

        public Builder overallTimeout(Duration overallTimeout) {
            this.overallTimeout = overallTimeout;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        public Builder outputLimitBytes(int outputLimitBytes) {
            this.outputLimitBytes = outputLimitBytes;
            return this;
        }

        public Builder rollout(RolloutPolicy rollout) {
            this.rollout = rollout;
            return this;
        }

        public Builder auth(AuthSettings auth) {
            this.auth = auth;
            return this;
        }

        /** 0 turns the limit off. */
        public Builder authFailureLimit(int authFailureLimit) {
            this.authFailureLimit = authFailureLimit;
            return this;
        }

        public Builder labels(OptionLabels labels) {
            this.labels = labels;
            return this;
        }

        /** @throws InvalidInputException naming the first bad option */
        public RunOptions build() {
            return new RunOptions(https, port, tls, throttle, connectTimeout, operationTimeout, commandTimeout,
                    overallTimeout, retryPolicy, outputLimitBytes, transport, ssh, rollout, auth, authFailureLimit, labels);
        }
    }
}
