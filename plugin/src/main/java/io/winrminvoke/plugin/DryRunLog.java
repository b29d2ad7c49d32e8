package io.winrminvoke.plugin;

import io.winrminvoke.engine.dryrun.DryRunReport;
import io.winrminvoke.engine.dryrun.OptionSource;
import io.winrminvoke.engine.rollout.RolloutReport;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.invocation.AccessSettings;
import io.winrminvoke.invocation.RolloutSettings;
import io.winrminvoke.invocation.RolloutSummary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dryRun: true}: the engine's dry-run report of the validated run, in the build log. No
 * host is contacted and nothing is written (no report directory, artifacts, test results or
 * build page summary); the step returns one {@code DRY_RUN} entry per host.
 */
final class DryRunLog {

    static final String STATUS = "DRY_RUN";

    private DryRunLog() {
    }

    static FleetOutcome print(PrintStream log, RunRequest request, Map<String, Object> effective,
                              Map<String, OptionSource> sources) {
        log.println("[winrm-invoke] Dry run: the inputs are valid. No host was contacted and nothing was written.");
        DryRunReport.render(request, effective, sources).forEach(line -> log.println("[winrm-invoke] " + line));
        List<HostOutcome> hosts = new ArrayList<>();
        request.targets().forEach(t -> hosts.add(new HostOutcome(t.display(), STATUS, null, null, null, 0, 0,
                "dry run: not contacted", null)));
        var policy = request.options().rollout();
        RolloutReport plan = new RolloutReport(policy, policy.plan(hosts.size()), List.of(), null, null);
        return new FleetOutcome(hosts, "PASSED", "dry run of " + hosts.size() + " host(s): none contacted", List.of(),
                RolloutSummary.of(plan), true);
    }

    /** Where each option came from: a step parameter the user set, else the default. */
    static Map<String, OptionSource> sources(InvocationSettings s, AccessSettings a, RolloutSettings r) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("command", s.command() != null ? s.command() : s.powershell());
        given.put("https", s.https());
        given.put("port", s.port());
        given.put("caCertificate", s.caCertificate());
        given.put("skipCertificateCheck", s.skipCertificateCheck());
        given.put("throttle", s.throttle());
        given.put("retries", s.retries());
        given.put("connectTimeout", s.connectTimeout());
        given.put("operationTimeout", s.operationTimeout());
        given.put("commandTimeout", s.commandTimeout());
        given.put("timeout", s.timeout());
        given.put("toleratedFailures", s.toleratedFailures());
        given.put("toleratedFailurePercent", s.toleratedFailurePercent());
        given.put("auth", a.auth());
        given.put("spnService", a.spnService());
        given.put("spnPort", a.spnPort());
        given.put("spnCanonicalName", a.spnCanonicalName());
        given.put("keytabCredentialsId", a.keytabCredentialsId());
        given.put("allowUnencrypted", a.allowUnencrypted());
        given.put("transport", a.transport());
        given.put("knownHosts", a.knownHosts());
        given.put("acceptUnknownHostKey", a.acceptUnknownHostKey());
        given.put("authFailureLimit", a.authFailureLimit());
        given.put("waves", r.waves());
        given.put("maxFailures", r.maxFailures());
        given.put("failFast", r.failFast());
        Map<String, OptionSource> sources = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            if (value != null && !Boolean.FALSE.equals(value) && !"".equals(value)) {
                sources.put(name, OptionSource.flag(name + ":"));
            }
        });
        return sources;
    }
}
