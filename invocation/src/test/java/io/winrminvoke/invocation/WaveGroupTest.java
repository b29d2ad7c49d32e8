package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build page bounds its rows over the whole run, then shows each wave's share of them. */
class WaveGroupTest {

    private record Host(String name, String status) {
    }

    @Test
    void aWaveListsOnlyItsOwnHostsOfThePageInThePagesOrderFailuresFirst() {
        List<Host> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(new Host("h" + i, i == 4 ? "FAILED" : SummaryRows.SUCCEEDED));
        }
        // three rows at most: the failed h4 first, then h0 and h1
        SummaryRows<Host> rows = SummaryRows.of(all, Host::status, 3);
        WaveGroup first = new WaveGroup(1, "wave 1/2", 0, 2);
        WaveGroup second = new WaveGroup(2, "wave 2/2", 2, 4);

        assertThat(first.listed(all, rows.shown())).extracting(Host::name).containsExactly("h0", "h1");
        assertThat(second.listed(all, rows.shown())).extracting(Host::name).containsExactly("h4");
        assertThat(rows.notShown()).isEqualTo(3);
    }

    @Test
    void equalHostsOfAnotherWaveAreNotMistakenForTheWavesOwn() {
        // the same address twice (on two ports the run deduplicates by port, or a repeated entry)
        Host a = new Host("web1", SummaryRows.SUCCEEDED);
        Host b = new Host("web1", SummaryRows.SUCCEEDED);
        List<Host> all = List.of(a, b);
        WaveGroup second = new WaveGroup(2, "wave 2/2", 1, 1);

        assertThat(second.listed(all, all)).hasSize(1).first().isSameAs(b);
    }
}
