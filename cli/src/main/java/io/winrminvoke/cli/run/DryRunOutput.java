package io.winrminvoke.cli.run;

import io.winrminvoke.cli.CliEnvironment;
import io.winrminvoke.engine.dryrun.DryRunReport;
import io.winrminvoke.engine.mask.Masker;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/** {@code run --dry-run}: what the validated run would do, printed; nothing contacted, nothing written. */
final class DryRunOutput {

    private DryRunOutput() {
    }

    static void print(CliEnvironment environment, RunInvocation run, ParseResult parsed) {
        Masker masker = run.request().masker();
        PrintWriter err = environment.err();
        run.warnings().forEach(w -> err.println("winrm-invoke: warning: " + masker.mask(w)));
        err.flush();
        PrintWriter out = environment.out();
        out.println("Dry run: the inputs are valid. No host was contacted and nothing was written.");
        out.println();
        Map<String, Object> effective = run.effectiveOptions();
        DryRunReport.render(run.request(), effective, OptionOrigins.of(parsed, effective.keySet()))
                .forEach(out::println);
        out.println();
        out.println("Reports would go to: " + run.reportDir().toAbsolutePath().normalize() + " (not created)");
        out.flush();
    }
}
