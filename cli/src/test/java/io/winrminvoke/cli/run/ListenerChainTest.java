package io.winrminvoke.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.run.OutputStream;
import io.winrminvoke.engine.run.RunListener;
import io.winrminvoke.engine.targets.Target;
import io.winrminvoke.engine.targets.TargetParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerChainTest {

    @Test
    void aFailingListenerDoesNotKeepTheEventFromTheNextOne() {
        List<String> console = new ArrayList<>();
        RunListener brokenReports = new RunListener() {
            @Override
            public void outputLine(Target target, int attempt, OutputStream stream, String line) {
                throw new IllegalStateException("disk full");
            }
        };
        RunListener recording = new RunListener() {
            @Override
            public void outputLine(Target target, int attempt, OutputStream stream, String line) {
                console.add(line);
            }
        };
        ListenerChain chain = new ListenerChain(List.of(brokenReports, recording));
        Target host = TargetParser.parseLines(List.of("web01"), "test").targets().get(0);

        assertThatThrownBy(() -> chain.outputLine(host, 1, OutputStream.STDOUT, "deployed"))
                .isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(console).containsExactly("deployed");
    }
}
