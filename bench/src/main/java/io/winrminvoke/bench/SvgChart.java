package io.winrminvoke.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Two panels, wall time and client CPU against N (medians, instant command), one line per tool.
 * Plain SVG written here: a few lines and labels need no plotting library.
 */
final class SvgChart {
    private static final int PANEL_WIDTH = 420;
    private static final int PANEL_HEIGHT = 300;
    private static final int MARGIN = 55;
    private static final String[] COLOURS = {"#d62728", "#1f77b4"};

    private SvgChart() {
    }

    /** {@code cases}: the instant cases, ascending N. */
    static String render(List<BenchCase> cases, List<Tool> tools, BenchResults results, String title) {
        StringBuilder svg = new StringBuilder();
        int width = 2 * (PANEL_WIDTH + MARGIN) + MARGIN;
        int height = PANEL_HEIGHT + 2 * MARGIN + 30;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">%s</text>%n", MARGIN, escape(title)));
        panel(svg, MARGIN, "wall time (s, median)", cases, tools, results, s -> s.wall().median());
        panel(svg, 2 * MARGIN + PANEL_WIDTH, "client CPU user+sys (s, median)", cases, tools, results, s -> s.cpu().median());
        int legendY = PANEL_HEIGHT + 2 * MARGIN + 15;
        for (Tool tool : tools) {
            int x = MARGIN + tools.indexOf(tool) * 160;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, legendY, x + 25, legendY, COLOURS[tools.indexOf(tool)],
                    x + 30, legendY + 4, tool.label()));
        }
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, int left, String label, List<BenchCase> cases, List<Tool> tools,
                              BenchResults results,
                              Function<CaseSummary, Double> value) {
        int top = MARGIN;
        double maxN = cases.stream().mapToInt(BenchCase::hosts).max().orElse(1);
        double maxY = 0;
        for (BenchCase c : cases) {
            for (Tool tool : tools) {
                maxY = Math.max(maxY, value.apply(results.summary(c, tool)));
            }
        }
        maxY = niceCeiling(maxY);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
                left, top, PANEL_WIDTH, PANEL_HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", left, top - 8, escape(label)));
        for (int i = 0; i <= 4; i++) {
            double v = maxY * i / 4;
            double y = top + PANEL_HEIGHT - PANEL_HEIGHT * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left, y, left + PANEL_WIDTH, y, left - 4,
                    y + 4, trim(v)));
        }
        for (BenchCase c : cases) {
            double x = left + PANEL_WIDTH * c.hosts() / maxN;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x, top + PANEL_HEIGHT + 15, c.hosts()));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">hosts (N)</text>%n",
                left + PANEL_WIDTH / 2, top + PANEL_HEIGHT + 32));
        for (Tool tool : tools) {
            StringBuilder points = new StringBuilder();
            for (BenchCase c : cases) {
                double x = left + PANEL_WIDTH * c.hosts() / maxN;
                double y = top + PANEL_HEIGHT - PANEL_HEIGHT * value.apply(results.summary(c, tool)) / maxY;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y,
                        COLOURS[tools.indexOf(tool)]));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    points.toString().trim(), COLOURS[tools.indexOf(tool)]));
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= v) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
