package io.winrminvoke.plugin;

import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;

/**
 * The build page summary of one {@code winrmInvoke}: a table of hosts with status, exit code,
 * duration and attempts, linking each host's transcript among the archived artifacts; for a
 * rollout, one table per wave under the engine's line for it. Shown by
 * {@code summary.jelly}; no sidebar link of its own.
 */
public final class WinRmInvokeAction implements RunAction2 {

    private final List<HostOutcome> hosts;
    private final String explanation;
    /** The report directory as archived (artifact path prefix), or null when nothing was archived. */
    private final String archivedReportDir;
    /** The hosts grouped by wave for a staged run (waves or a budget given), else null. */
    private final RolloutSummary rollout;
    private transient Run<?, ?> run;

    WinRmInvokeAction(List<HostOutcome> hosts, String explanation, String archivedReportDir, RolloutSummary rollout) {
        // a plain ArrayList: the action is saved with the build by XStream; the output stays in the artifacts
        this.hosts = new ArrayList<>();
        hosts.forEach(h -> this.hosts.add(h.withoutOutput()));
        this.explanation = explanation;
        this.archivedReportDir = archivedReportDir;
        this.rollout = rollout;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public List<HostOutcome> getHosts() {
        return hosts;
    }

    public String getExplanation() {
        return explanation;
    }

    public RolloutSummary getRollout() {
        return rollout;
    }

    /** The hosts of one wave, in input order (waves hold consecutive hosts of the list). */
    public List<HostOutcome> hostsOf(WaveGroup wave) {
        int from = Math.min(wave.getFirstHost(), hosts.size());
        return hosts.subList(from, Math.min(from + wave.getHosts(), hosts.size()));
    }

    /** The transcript's artifact path relative to the build URL, or null if there is none to link. */
    public String transcriptLink(HostOutcome host) {
        if (archivedReportDir == null || host.getTranscript() == null) {
            return null;
        }
        return "artifact/" + archivedReportDir + "/" + host.getTranscript();
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.WinRmInvokeAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
