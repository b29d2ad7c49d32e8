package io.winrminvoke.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.winrminvoke.engine.mask.Masker;
import io.winrminvoke.engine.result.HostResult;
import io.winrminvoke.engine.result.HostStatus;
import io.winrminvoke.engine.rollout.FailureBudget;
import io.winrminvoke.engine.rollout.Wave;
import io.winrminvoke.engine.rollout.WaveReport;
import io.winrminvoke.engine.targets.Target;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live console of a rollout: wave lines, the wave in the progress line, no line per host not attempted. */
class ConsoleListenerWaveTest {

    private static HostResult skipped(String host) {
        return new HostResult(new Target(host, 0), HostStatus.SKIPPED, null, "", false, "", false, List.of(), null,
                null, "not attempted: rollout stopped after wave 1 (1 of 1 failed, budget 0)", null);
    }

    @Test
    void wavesGetALineEachAndTheProgressLineNamesTheWave() {
        StringWriter text = new StringWriter();
        ConsoleListener console = new ConsoleListener(new PrintWriter(text), Masker.NONE, false, true);

        console.runStarted(3);
        console.waveStarted(new Wave(1, 0, 1), 2);
        console.waveEnded(new WaveReport(1, 2, 1, 0, 1, 0, 1, 1, new FailureBudget(0, false),
                WaveReport.Decision.STOP, 2));
        console.hostFinished(skipped("web02"), 2, 3);
        console.hostFinished(skipped("web03"), 3, 3);
        console.finish();

        String out = text.toString();
        assertThat(out).contains("wave 1/2: 1 host starting\n")
                .contains("-- wave 1/2, 0/3 done")
                .contains("wave 1/2: 1 host, 0 ok, 1 failed, budget 0 exceeded: stopping, 2 hosts not attempted\n")
                .doesNotContain("[web02]").doesNotContain("[web03]");
    }

    @Test
    void quietPrintsNoWaveLine() {
        StringWriter text = new StringWriter();
        ConsoleListener console = new ConsoleListener(new PrintWriter(text), Masker.NONE, true, false);

        console.waveStarted(new Wave(1, 0, 5), 1);

        assertThat(text.toString()).isEmpty();
    }
}
