package io.winrminvoke.cli.console;

import io.winrminvoke.cli.WinrmInvokeCli;
import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.RunResult;
import io.winrminvoke.engine.result.RunSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The table printed at the end of a run: one row per host (with its wave, for a rollout), then
 * the counts line and, for a rollout, how it went.
 */
public final class SummaryTable {

    private static final String[] HEADINGS = {"HOST", "STATUS", "EXIT", "ATTEMPTS", "DURATION", "MESSAGE"};
    /** Longer messages are cut in the table; the full text is in the reports. */
    private static final int MAX_MESSAGE = 100;

    private final Masker masker;

    public SummaryTable(Masker masker) {
        this.masker = masker;
    }

    public void print(RunResult result, PrintWriter out) {
        boolean waves = result.rollout().staged();
        List<String[]> rows = new ArrayList<>();
        rows.add(waves ? withWave("WAVE", HEADINGS) : HEADINGS);
        for (int i = 0; i < result.hosts().size(); i++) {
            HostResult host = result.hosts().get(i);
            String[] row = {
                host.target().display(),
                host.status().name(),
                host.exitCode() == null ? "-" : host.exitCode().toString(),
                Integer.toString(host.attempts().size()),
                HumanDuration.format(host.duration()),
                message(host.message())};
            rows.add(waves ? withWave(Integer.toString(result.rollout().waveOf(i)), row) : row);
        }
        int[] widths = new int[rows.get(0).length];
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
        if (waves) {
            out.println(masker.mask(result.rollout().summary()));
        }
    }

    /** The row with {@code wave} in second place, after the host. */
    private static String[] withWave(String wave, String[] row) {
        String[] wider = new String[row.length + 1];
        wider[0] = row[0];
        wider[1] = wave;
        System.arraycopy(row, 1, wider, 2, row.length - 1);
        return wider;
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
