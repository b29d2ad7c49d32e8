package io.winrminvoke.simulator;

import io.winrminvoke.simulator.scenario.Scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** Everything a simulated fleet needs to start; validated once, by {@link Builder#build()}. */
public final class FleetConfig {
    /** More hosts than this is a mistake (each host holds a port and a listener). */
    public static final int MAX_HOSTS = 5000;

    private final int hosts;
    private final String user;
    private final String password;
    private final boolean https;
    private final TlsMode tlsMode;
    private final double clockScale;
    private final Scenario scenario;
    private final Path requestLog;
    private final Duration latency;

    private FleetConfig(Builder b) {
        this.hosts = b.hosts;
        this.user = b.user;
        this.password = b.password;
        this.https = b.https;
        this.tlsMode = b.tlsMode;
        this.clockScale = b.clockScale;
        this.scenario = b.scenario;
        this.requestLog = b.requestLog;
        this.latency = b.latency;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int hosts() {
        return hosts;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean https() {
        return https;
    }

    public TlsMode tlsMode() {
        return tlsMode;
    }

    public double clockScale() {
        return clockScale;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The JSON-lines request log file, or null for the in-memory log only. */
    public Path requestLog() {
        return requestLog;
    }

    /** Latency added to every request of hosts whose scenario sets none. */
    public Duration latency() {
        return latency;
    }

    @Override
    public String toString() {
        // the password stays out on purpose
        return "FleetConfig[hosts=" + hosts + ", user=" + user + ", https=" + https + ", tlsMode=" + tlsMode
                + ", clockScale=" + clockScale + ", requestLog=" + requestLog + ", latency=" + latency + "]";
    }

    /** Mutable until {@link #build()}; defaults: 1 host, user admin, HTTP, real time, no scenario. */
    public static final class Builder {
        private int hosts = 1;
        private String user = "admin";
        private String password;
        private boolean https;
        private TlsMode tlsMode = TlsMode.CA_SIGNED;
        private double clockScale = 1.0;
        private Scenario scenario = Scenario.empty();
        private Path requestLog;
        private Duration latency = Duration.ZERO;

        private Builder() {
        }

        public Builder hosts(int value) {
            this.hosts = value;
            return this;
        }

        public Builder user(String value) {
            this.user = value;
            return this;
        }

        public Builder password(String value) {
            this.password = value;
            return this;
        }

        public Builder https(boolean value) {
            this.https = value;
            return this;
        }

        public Builder tlsMode(TlsMode value) {
            this.tlsMode = value;
            return this;
        }

        public Builder clockScale(double value) {
            this.clockScale = value;
            return this;
        }

        public Builder scenario(Scenario value) {
            this.scenario = value;
            return this;
        }

        public Builder requestLog(Path value) {
            this.requestLog = value;
            return this;
        }

        public Builder latency(Duration value) {
            this.latency = value;
            return this;
        }

        /** Validates every option; the message names the option, the bad value and what is allowed. */
        public FleetConfig build() {
            if (hosts < 1 || hosts > MAX_HOSTS) {
                throw new IllegalArgumentException("hosts: " + hosts + " is not allowed; must be 1.." + MAX_HOSTS);
            }
            if (user == null || user.isEmpty() || user.contains(":")) {
                throw new IllegalArgumentException("user: '" + user + "' is not allowed; must be non-empty without ':'");
            }
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("password: must be set and non-empty");
            }
            Objects.requireNonNull(tlsMode, "tlsMode");
            if (!(clockScale > 0) || Double.isInfinite(clockScale)) {
                throw new IllegalArgumentException("clockScale: " + clockScale
                        + " is not allowed; must be a finite number > 0 (0.01 makes 1 s last 10 ms)");
            }
            if (scenario == null) {
                throw new IllegalArgumentException("scenario: must not be null; use Scenario.empty()");
            }
            if (latency == null || latency.isNegative()) {
                throw new IllegalArgumentException("latency: '" + latency + "' is not allowed; must be >= 0");
            }
            return new FleetConfig(this);
        }
    }
}
