package io.winrminvoke.cli.console;

import io.winrminvoke.cli.WinrmInvokeCli;
import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.result.RunSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The table printed at the end of a run: one row per host, then the counts line. */
public final class SummaryTable {

    private static final String[] HEADINGS = {"HOST", "STATUS", "EXIT", "ATTEMPTS", "DURATION", "MESSAGE"};
    /** Longer messages are cut in the table; the full text is in the reports. */
    private static final int MAX_MESSAGE = 100;

    private final Masker masker;

    public SummaryTable(Masker masker) {
        this.masker = masker;
    }

    public void print(RunResult result, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (HostResult host : result.hosts()) {
            rows.add(new String[] {
                host.target().display(),
                host.status().name(),
                host.exitCode() == null ? "-" : host.exitCode().toString(),
                Integer.toString(host.attempts().size()),
                HumanDuration.format(host.duration()),
                message(host.message())});
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(countsLine(result.summary()));
    }

    /** "12 hosts in 5.3s: 8 succeeded, 1 failed, 1 unreachable, 1 timed out". */
    public static String countsLine(RunSummary summary) {
        int total = summary.total();
        return total + (total == 1 ? " host" : " hosts") + " in " + HumanDuration.format(summary.duration()) + ": "
                + StatusCounts.describe(summary.counts());
    }

    private String message(String message) {
        if (message == null) {
            return "";
        }
        String line = WinrmInvokeCli.oneLine(masker.mask(message));
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
