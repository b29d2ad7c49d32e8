package io.winrminvoke.plugin;

import hudson.model.Run;
import io.winrminvoke.invocation.RolloutSummary;
import io.winrminvoke.invocation.SummaryRows;
import io.winrminvoke.invocation.WaveGroup;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;

/**
 * The build page summary of one {@code winrmInvoke}: the count of hosts per status and a table of
 * hosts (those that did not succeed first, at most {@link SummaryRows#MAX_ROWS}) with status,
 * exit code, duration and attempts, linking each host's transcript among the archived artifacts;
 * for a rollout, the listed hosts grouped by wave under the engine's line for it. Shown by
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

    /** What the build page lists: bounded, failures first (computed per page view, not saved). */
    public SummaryRows<HostOutcome> getRows() {
        return SummaryRows.of(hosts, HostOutcome::getStatus, SummaryRows.MAX_ROWS);
    }

    /** The report directory as archived, or null when nothing was archived. */
    public String getReportDir() {
        return archivedReportDir;
    }

    /** The archived results.csv, relative to the build URL: every host, when the table shows only some. */
    public String getResultsCsvLink() {
        return archivedReportDir == null ? null : "artifact/" + archivedReportDir + "/results.csv";
    }

    public String getExplanation() {
        return explanation;
    }

    public RolloutSummary getRollout() {
        return rollout;
    }

    /** The listed hosts of one wave, in the page's order (those that did not succeed first). */
    public List<HostOutcome> shownOf(SummaryRows<HostOutcome> rows, WaveGroup wave) {
        return wave.listed(hosts, rows.shown());
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
