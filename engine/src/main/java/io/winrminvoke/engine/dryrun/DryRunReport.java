package io.winrminvoke.engine.dryrun;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.options.RunOptions;
import io.winrminvoke.engine.powershell.DecodedPowerShell;
import io.winrminvoke.engine.rollout.FailureBudget;
import io.winrminvoke.engine.rollout.RolloutPolicy;
import io.winrminvoke.engine.rollout.Wave;
import io.winrminvoke.engine.rollout.WavePlan;
import io.winrminvoke.engine.run.CommandSpec;
import io.winrminvoke.engine.run.RunRequest;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a run would do, for a person to check before it touches anything (the CLI's
 * {@code --dry-run}, the plugin's {@code dryRun: true}): every target with its URL and the wave it
 * falls in, the failure budget, the effective options with where each came from, and the exact
 * command line every host would receive, a PowerShell wrapper decoded. Built from a validated
 * {@link RunRequest}, so inputs that would not run never get here. Every line is masked with the
 * request's masker; the password is shown as {@code ****}.
 */
public final class DryRunReport {

    private static final String INDENT = "  ";
    private static final String QUOTE = "  | ";

    private DryRunReport() {
    }

    /**
     * @param request          the validated run
     * @param effectiveOptions the options as the run uses them, as written to results.json (no secret)
     * @param sources          where each option of {@code effectiveOptions} came from; absent = default
     * @return the lines to print, in order
     */
    public static List<String> render(RunRequest request, Map<String, Object> effectiveOptions,
                                      Map<String, OptionSource> sources) {
        List<String> lines = new ArrayList<>();
        targets(request, sources, lines);
        lines.add("");
        budget(request.options().rollout(), lines);
        lines.add("");
        options(effectiveOptions, sources, request.masker(), lines);
        lines.add("");
        command(request, lines);
        Masker masker = request.masker();
        List<String> masked = new ArrayList<>(lines.size());
        lines.forEach(line -> masked.add(masker.mask(line)));
        return masked;
    }

    private static void targets(RunRequest request, Map<String, OptionSource> sources, List<String> lines) {
        RunOptions options = request.options();
        RolloutPolicy rollout = options.rollout();
        List<Target> targets = request.targets();
        WavePlan plan = rollout.plan(targets.size());
        String order = rollout.waves().isEmpty() ? "one wave (no waves given)"
                : plan.size() + (plan.size() == 1 ? " wave" : " waves") + " of " + plan.sizesText() + " hosts (waves "
                        + rollout.wavesText() + ", hosts in list order)";
        lines.add("Targets: " + count(targets.size(), "host") + ", " + order);
        int width = 0;
        for (Target t : targets) {
            width = Math.max(width, t.display().length());
        }
        for (Wave wave : plan.waves()) {
            lines.add(INDENT + "wave " + wave.number() + "/" + plan.size() + ": " + count(wave.hosts(), "host"));
            for (int i = wave.firstHost(); i < wave.endHost(); i++) {
                Target t = targets.get(i);
                lines.add(INDENT + INDENT + pad(t.display(), width) + "  " + url(t, options) + "  ("
                        + portSource(t, options, sources) + ")");
            }
        }
    }

    private static String url(Target target, RunOptions options) {
        if (options.transportFor(target) == Transport.SSH) {
            return "ssh://" + target.hostForUrl() + ":" + options.portFor(target);
        }
        return (options.https() ? "https" : "http") + "://" + target.hostForUrl() + ":" + options.portFor(target)
                + "/wsman";
    }

    private static String portSource(Target target, RunOptions options, Map<String, OptionSource> sources) {
        if (target.hasPort()) {
            return "port from the host entry";
        }
        Transport transport = options.transportFor(target);
        // the run's port applies to the hosts of the run's transport only (RunOptions#portFor)
        if (options.port() != null && transport == options.transport()) {
            return "port from " + sources.getOrDefault("port", OptionSource.DEFAULT).describe();
        }
        return "default port for " + (transport == Transport.SSH ? "SSH" : options.https() ? "HTTPS" : "HTTP");
    }

    private static void budget(RolloutPolicy rollout, List<String> lines) {
        FailureBudget budget = rollout.maxFailures();
        if (budget == null) {
            lines.add("Failure budget: none" + (rollout.waves().isEmpty() ? "" : ": every wave runs whatever fails"));
            return;
        }
        lines.add("Failure budget: " + budget + (budget.percent() ? " of the hosts run so far" : " failed hosts")
                + ". A wave that ends with more failed hosts stops the rollout (inside a wave, no further host starts "
                + "once it can only end over budget; hosts in flight finish); the hosts left end SKIPPED "
                + "'not attempted: rollout stopped after wave K (F of N failed, budget " + budget + ")'");
    }

    private static void options(Map<String, Object> effective, Map<String, OptionSource> sources, Masker masker,
                                List<String> lines) {
        lines.add("Options (value, where it came from):");
        List<String[]> rows = new ArrayList<>();
        // masked before the columns are measured, so a masked value keeps them aligned
        effective.forEach((name, value) -> rows.add(new String[] {name, masker.mask(text(value)),
            sources.getOrDefault(name, OptionSource.DEFAULT).describe()}));
        rows.add(new String[] {"password", "****", "masked"});
        int nameWidth = 0;
        int valueWidth = 0;
        for (String[] row : rows) {
            nameWidth = Math.max(nameWidth, row[0].length());
            valueWidth = Math.max(valueWidth, row[1].length());
        }
        for (String[] row : rows) {
            lines.add(INDENT + pad(row[0], nameWidth) + "  " + pad(row[1], valueWidth) + "  " + row[2]);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Duration d) {
            return d.toString();
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? "none" : String.join(", ", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static void command(RunRequest request, List<String> lines) {
        CommandSpec spec = request.command();
        StringBuilder line = new StringBuilder(spec.command());
        spec.arguments().forEach(a -> line.append(' ').append(a));
        // the engine sends every host the same command: one copy, however many hosts
        lines.add("Command line, the same for all " + count(request.targets().size(), "host") + " ("
                + (spec.skipCmdShell() ? "run directly" : "run by cmd.exe") + ", code page " + spec.codepage() + "):");
        lines.add(INDENT + line);
        DecodedPowerShell.of(spec).ifPresentOrElse(decoded -> {
            lines.add("");
            lines.add("-EncodedCommand decoded (UTF-16LE): the wrapper PowerShell runs on each host:");
            quote(decoded.wrapper(), lines);
            lines.add("");
            lines.add("The script it runs (decoded from " + (decoded.onStdin() ? "stdin" : "the wrapper") + "):");
            quote(decoded.payload().script(), lines);
            if (!decoded.payload().arguments().isEmpty()) {
                lines.add("Its arguments (sent on stdin, never on the command line):");
                decoded.payload().arguments().forEach((name, value) ->
                        lines.add(INDENT + "-" + name + " " + value));
            }
            lines.add("Stdin: " + (spec.stdin() == null ? "none"
                    : spec.stdin().length + " bytes, the script and its arguments in base64"));
        }, () -> lines.add("Stdin: " + (spec.stdin() == null ? "none" : spec.stdin().length + " bytes")));
    }

    private static void quote(String text, List<String> lines) {
        text.lines().forEach(l -> lines.add(QUOTE + l));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
