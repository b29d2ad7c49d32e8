package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SummaryRowsTest {

    private record Host(String name, String status) {
    }

    private static final Function<Host, String> STATUS = Host::status;

    @Test
    void aSmallRunListsEveryHostFailuresFirst() {
        List<Host> hosts = List.of(new Host("a", "SUCCEEDED"), new Host("b", "FAILED"), new Host("c", "SUCCEEDED"),
                new Host("d", "UNREACHABLE"));

        SummaryRows<Host> rows = SummaryRows.of(hosts, STATUS, 50);

        assertThat(rows.shown()).extracting(Host::name).containsExactly("b", "d", "a", "c");
        assertThat(rows.notShown()).isZero();
        assertThat(rows.byStatus()).containsEntry("SUCCEEDED", 2).containsEntry("FAILED", 1)
                .containsEntry("UNREACHABLE", 1);
    }

    @Test
    void aLargeRunIsBoundedAndCountsWhatIsNotListed() {
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            hosts.add(new Host("h" + i, i % 1000 == 7 ? "FAILED" : "SUCCEEDED"));
        }

        SummaryRows<Host> rows = SummaryRows.of(hosts, STATUS, SummaryRows.MAX_ROWS);

        assertThat(rows.shown()).hasSize(50);
        assertThat(rows.shown().subList(0, 5)).extracting(Host::name)
                .containsExactly("h7", "h1007", "h2007", "h3007", "h4007");
        assertThat(rows.notShown()).isEqualTo(4950);
        assertThat(rows.byStatus()).containsEntry("FAILED", 5).containsEntry("SUCCEEDED", 4995);
    }

    @Test
    void statusCountsKeepTheOrderTheStatusesFirstAppearIn() {
        // more statuses than Map.copyOf keeps in insertion order by chance
        List<String> statuses = List.of("UNREACHABLE", "SUCCEEDED", "TIMED_OUT", "AUTH_FAILED", "FAILED", "SKIPPED",
                "CANCELLED", "TLS_FAILED");
        List<Host> hosts = new ArrayList<>();
        for (String status : statuses) {
            hosts.add(new Host("h-" + status, status));
            hosts.add(new Host("h2-" + status, status));
        }

        SummaryRows<Host> rows = SummaryRows.of(hosts, STATUS, 50);

        assertThat(rows.byStatus().keySet()).containsExactlyElementsOf(statuses);
        assertThat(rows.byStatus().values()).containsOnly(2);
    }

    @Test
    void moreFailuresThanRowsShowOnlyFailures() {
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            hosts.add(new Host("ok" + i, "SUCCEEDED"));
            hosts.add(new Host("bad" + i, "TIMED_OUT"));
        }

        SummaryRows<Host> rows = SummaryRows.of(hosts, STATUS, 3);

        assertThat(rows.shown()).extracting(Host::name).containsExactly("bad0", "bad1", "bad2");
        assertThat(rows.notShown()).isEqualTo(17);
    }
}
