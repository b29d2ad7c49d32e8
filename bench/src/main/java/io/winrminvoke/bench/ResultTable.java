package io.winrminvoke.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The printed table (one row per case and tool) and the CSV of every run. */
final class ResultTable {
    private static final String HEADER = String.format(Locale.ROOT,
            "%-5s %-12s %5s %4s %5s %15s %15s %8s %13s %8s %8s %7s %8s %8s",
            "case", "tool", "N", "T", "ok", "wall s min/med", "cpu s min/med", "cpu ms/h", "rss MB min/med",
            "req/host", "rcv/host", "max req", "tcp/host", "sim cpu");

    private ResultTable() {
    }

    static List<String> rows(BenchPlan plan, BenchResults results) {
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        for (BenchCase c : plan.cases()) {
            for (Tool tool : plan.tools()) {
                rows.add(row(results.summary(c, tool)));
            }
        }
        return rows;
    }

    private static String row(CaseSummary s) {
        BenchCase c = s.benchCase();
        long ok = s.runs().stream().filter(ClientRun::succeeded).count();
        double connections = s.spread(ClientRun::connectionsPerHost).median();
        return String.format(Locale.ROOT, "%-5s %-12s %5d %4d %5s %7.2f/%-7.2f %7.2f/%-7.2f %8.2f %6.0f/%-6.0f %8.2f %8.2f %7d %8s %8.2f",
                c.id(), s.tool().label(), c.hosts(), c.throttle(), ok + "/" + s.runs().size(),
                s.wall().min(), s.wall().median(), s.cpu().min(), s.cpu().median(),
                1000 * s.cpu().median() / c.hosts(), s.peakRssMb().min(), s.peakRssMb().median(),
                s.spread(ClientRun::requestsPerHost).median(), s.spread(ClientRun::receivesPerHost).median(),
                (long) s.spread(ClientRun::maxRequestsOnOneHost).median(),
                Double.isNaN(connections) ? "n/a" : String.format(Locale.ROOT, "%.2f", connections),
                s.spread(ClientRun::simulatorCpuSeconds).median());
    }

    static List<String> csv(BenchResults results) {
        List<String> lines = new ArrayList<>();
        lines.add("case,tool,hosts,throttle,repetition,exit_status,wall_s,user_s,sys_s,peak_rss_kb,requests,"
                + "receives,max_requests_one_host,tcp_connections,simulator_cpu_s");
        for (ClientRun r : results.runs()) {
            lines.add(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%.3f,%.2f,%.2f,%d,%d,%d,%d,%d,%.2f",
                    r.benchCase().id(), r.tool().label(), r.benchCase().hosts(), r.benchCase().throttle(),
                    r.repetition(), r.exitStatus(), r.wallSeconds(), r.userSeconds(), r.systemSeconds(), r.peakRssKb(),
                    r.requests(), r.receives(), r.maxRequestsOnOneHost(), r.connections(), r.simulatorCpuSeconds()));
        }
        return lines;
    }
}
