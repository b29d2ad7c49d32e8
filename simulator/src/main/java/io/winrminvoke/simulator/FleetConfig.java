package io.winrminvoke.simulator;

import io.winrminvoke.simulator.auth.AuthSettings;
import io.winrminvoke.simulator.auth.cbt.CbtHardeningLevel;
import io.winrminvoke.simulator.scenario.Scenario;

import java.nio.file.Files;
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
    private final AuthSettings auth;
    private final Path kerberosKeytab;
    private final String kerberosRealm;
    private final Path wireLog;

    private FleetConfig(Builder b, AuthSettings auth) {
        this.hosts = b.hosts;
        this.user = b.user;
        this.password = b.password;
        this.https = b.https;
        this.tlsMode = b.tlsMode;
        this.clockScale = b.clockScale;
        this.scenario = b.scenario;
        this.requestLog = b.requestLog;
        this.latency = b.latency;
        this.auth = auth;
        this.kerberosKeytab = b.kerberosKeytab;
        this.kerberosRealm = b.kerberosRealm;
        this.wireLog = b.wireLog;
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

    /** The authentication settings of every host whose scenario does not set its own. */
    public AuthSettings auth() {
        return auth;
    }

    /** The keytab holding the hosts' service keys (HTTP/..., WSMAN/...), or null without Kerberos. */
    public Path kerberosKeytab() {
        return kerberosKeytab;
    }

    /** The realm Kerberos clients must belong to, or null for any realm the keytab's keys serve. */
    public String kerberosRealm() {
        return kerberosRealm;
    }

    /** The raw wire capture file (every request and response as sent), or null for none. */
    public Path wireLog() {
        return wireLog;
    }

    @Override
    public String toString() {
        // the password stays out on purpose
        return "FleetConfig[hosts=" + hosts + ", user=" + user + ", https=" + https + ", tlsMode=" + tlsMode
                + ", clockScale=" + clockScale + ", requestLog=" + requestLog + ", latency=" + latency
                + ", auth=" + auth + ", kerberosKeytab=" + kerberosKeytab + ", wireLog=" + wireLog + "]";
    }

    /**
     * Mutable until {@link #build()}; defaults: 1 host, user admin, HTTP, real time, no scenario;
     * authentication: Basic on, AllowUnencrypted on, NTLM on, Kerberos on exactly when a keytab is
     * given, CbtHardeningLevel relaxed ({@link #windowsDefaults()} switches to Windows' shipped settings).
     */
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
        private boolean basic = true;
        private boolean allowUnencrypted = true;
        private boolean ntlm = true;
        private Boolean kerberos;
        private CbtHardeningLevel cbtHardeningLevel = CbtHardeningLevel.RELAXED;
        private Path kerberosKeytab;
        private String kerberosRealm;
        private Path wireLog;

        private Builder() {
        }

        /** Windows Server as shipped: Basic off, AllowUnencrypted off (Negotiate with sealing), CBT relaxed. */
        public Builder windowsDefaults() {
            AuthSettings w = AuthSettings.windowsDefaults();
            this.basic = w.basic();
            this.allowUnencrypted = w.allowUnencrypted();
            this.ntlm = w.ntlm();
            this.cbtHardeningLevel = w.cbtHardeningLevel();
            return this;
        }

        /** {@code Auth/Basic}: whether Basic is accepted (over HTTP only with {@link #allowUnencrypted}). */
        public Builder basic(boolean value) {
            this.basic = value;
            return this;
        }

        /** {@code AllowUnencrypted}: false makes plain-HTTP requests need Negotiate with message encryption. */
        public Builder allowUnencrypted(boolean value) {
            this.allowUnencrypted = value;
            return this;
        }

        /** Whether Negotiate may select NTLM. */
        public Builder ntlm(boolean value) {
            this.ntlm = value;
            return this;
        }

        /** Whether Negotiate (and the Kerberos scheme) may select Kerberos; needs {@link #kerberosKeytab}. */
        public Builder kerberos(boolean value) {
            this.kerberos = value;
            return this;
        }

        /** {@code Auth/CbtHardeningLevel} of the HTTPS listeners. */
        public Builder cbtHardeningLevel(CbtHardeningLevel value) {
            this.cbtHardeningLevel = value;
            return this;
        }

        /** The keytab with the service principals (e.g. {@code TestKdc.serviceKeytab()}); turns Kerberos on. */
        public Builder kerberosKeytab(Path value) {
            this.kerberosKeytab = value;
            return this;
        }

        /** Only clients of this realm ({@code user@REALM}) are accepted over Kerberos; default: any. */
        public Builder kerberosRealm(String value) {
            this.kerberosRealm = value;
            return this;
        }

        /** Writes every exchange's raw request and response bytes to this file. */
        public Builder wireLog(Path value) {
            this.wireLog = value;
            return this;
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
            if (cbtHardeningLevel == null) {
                throw new IllegalArgumentException("cbtHardeningLevel: must not be null; allowed: none, relaxed, strict");
            }
            boolean kerberosOn = kerberos != null ? kerberos : kerberosKeytab != null;
            if (kerberosOn && kerberosKeytab == null) {
                throw new IllegalArgumentException("kerberos: needs kerberosKeytab (the service keys the hosts accept with)");
            }
            if (kerberosKeytab != null && !Files.isReadable(kerberosKeytab)) {
                throw new IllegalArgumentException("kerberosKeytab: " + kerberosKeytab + " does not exist or cannot be read");
            }
            if (kerberosRealm != null && !kerberosRealm.matches("[A-Z0-9][A-Z0-9.-]*")) {
                throw new IllegalArgumentException("kerberosRealm: '" + kerberosRealm
                        + "' is not allowed; use an upper-case realm such as CORP.EXAMPLE.COM");
            }
            return new FleetConfig(this, new AuthSettings(basic, allowUnencrypted, ntlm, kerberosOn, cbtHardeningLevel));
        }
    }
}
