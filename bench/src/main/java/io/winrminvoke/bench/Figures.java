package io.winrminvoke.bench;

import java.util.Locale;

/**
 * Issue 12's figures, from the medians of one tool's runs (ratios against pywinrm's):
 *
 * @param efficiency       case a: ideal wall time / wall time (1 = no overhead beyond the command itself)
 * @param hostsPerSecond   case b: hosts / wall time
 * @param speedup          case b: our hosts/s / pywinrm's
 * @param cpuRatio         case b: our client CPU per host / pywinrm's
 * @param peakRssMb        case c: our client's peak RSS
 * @param outputCpuPerMib  case c: our client CPU beyond the same N hosts without output, per MiB of output
 */
record Figures(double efficiency, double hostsPerSecond, double speedup, double cpuRatio, double peakRssMb,
               double outputCpuPerMib) {

    static Figures from(BenchPlan plan, BenchResults results) {
        return of(plan.engine(), plan, results);
    }

    /** The same figures for {@code tool} (for pywinrm itself both ratios are 1). */
    static Figures of(Tool tool, BenchPlan plan, BenchResults results) {
        BenchCase a = plan.the("a");
        BenchCase b = plan.the("b");
        BenchCase c = plan.the("c");
        CaseSummary ourA = results.summary(a, tool);
        CaseSummary ourB = results.summary(b, tool);
        CaseSummary theirB = results.summary(b, Tool.PYWINRM);
        CaseSummary ourC = results.summary(c, tool);
        CaseSummary ourCWithoutOutput = results.summary(plan.instantLike(c), tool);
        double ourRate = b.hosts() / ourB.wall().median();
        double theirRate = b.hosts() / theirB.wall().median();
        return new Figures(
                a.idealWallSeconds() / ourA.wall().median(),
                ourRate,
                ourRate / theirRate,
                ourB.cpu().median() / theirB.cpu().median(), // same N: per-host ratio = total ratio
                ourC.peakRssMb().median(),
                (ourC.cpu().median() - ourCWithoutOutput.cpu().median()) / c.outputMiB());
    }

    /** The benchmark's last line, e.g. {@code efficiency=0.91 hosts_per_s=120.5 ...}. */
    String line() {
        return String.format(Locale.ROOT, "efficiency=%.3f hosts_per_s=%.1f speedup_vs_pywinrm=%.2f "
                        + "cpu_ratio_vs_pywinrm=%.2f peak_rss_mb=%.0f output_cpu_s_per_mib=%.4f",
                efficiency, hostsPerSecond, speedup, cpuRatio, peakRssMb, outputCpuPerMib);
    }
}
