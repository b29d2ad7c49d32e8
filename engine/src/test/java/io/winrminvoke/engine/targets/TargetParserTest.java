package io.winrminvoke.engine.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "web01|web01|0",
        "web01:5986|web01|5986",
        "web01.corp.example.com|web01.corp.example.com|0",
        "WIN_SRV-2|WIN_SRV-2|0",
        "10.0.0.7|10.0.0.7|0",
        "10.0.0.7:15985|10.0.0.7|15985",
        "[::1]|::1|0",
        "[::1]:5986|::1|5986",
        "[fe80::1:2]:1|fe80::1:2|1",
        "::1|::1|0",
        "2001:db8::7|2001:db8::7|0",
        "web01:65535|web01|65535",
    })
    void parsesEveryAcceptedForm(String entry, String host, int port) {
        TargetList list = TargetParser.parseLines(List.of(entry), "--host");
        assertThat(list.targets()).containsExactly(new Target(host, port));
        assertThat(list.warnings()).isEmpty();
    }

    @Test
    void hostsFileSkipsCommentsAndBlankLinesAndKeepsOrder() {
        List<String> lines = List.of(
                "\uFEFF# web tier",
                "web02",
                "",
                "   web01:5986   # the odd one",
                "\t",
                "[::1]:5985",
                "db01");
        TargetList list = TargetParser.parseLines(lines, "hosts.txt");
        assertThat(list.targets()).extracting(Target::display)
                .containsExactly("web02", "web01:5986", "[::1]:5985", "db01");
    }

    @Test
    void duplicatesAreDroppedAndReportedWithTheirLines() {
        TargetList list = TargetParser.parseLines(List.of("web01", "db01", "WEB01", "web01:5986", "db01"), "hosts.txt");
        assertThat(list.targets()).extracting(Target::display).containsExactly("web01", "db01", "web01:5986");
        assertThat(list.warnings()).containsExactly(
                "hosts.txt line 3: duplicate target 'WEB01' (first on line 1) ignored",
                "hosts.txt line 5: duplicate target 'db01' (first on line 2) ignored");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ":5985|the host name is empty",
        "web01:0|port 0 is outside 1..65535",
        "web01:70000|port 70000 is outside 1..65535",
        "web01:abc|port 'abc' is not a number 1..65535",
        "web01:|port '' is not a number 1..65535",
        "[::1|missing ']'",
        "[::1]5986|expected ':port' after ']'",
        "[web01]:5985|not a valid IPv6 address",
        "[::1]:0|port 0 is outside 1..65535",
        "::zz|not a valid IPv6 address",
        "300.1.1.1|IPv4 numbers are 0..255",
        "10.0.0|an IPv4 address has four numbers",
        "web 01|no spaces",
        "-web01|not a valid host name",
        "web..01|not a valid host name",
        "http://web01|unknown transport 'http://': use ssh:// or winrm://",
    })
    void invalidEntryNamesSourceLineAndEntry(String entry, String why) {
        assertThatThrownBy(() -> TargetParser.parseLines(List.of("# header", "good01", entry), "hosts.txt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("hosts.txt line 3: invalid host entry '" + entry.strip() + "'")
                .hasMessageContaining(why);
    }

    @Test
    void emptyListIsInvalid() {
        assertThatThrownBy(() -> TargetParser.parseLines(List.of("# nothing", "  "), "hosts.txt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("hosts.txt: no hosts given (the list is empty or only comments)");
        assertThatThrownBy(() -> TargetParser.parseLines(List.of(), "--host"))
                .hasMessageStartingWith("--host: no hosts given");
    }

    @Test
    void plusAppendsOnlyNewTargetsAndReportsTheRest() {
        TargetList file = TargetParser.parseLines(List.of("web01", "web02"), "hosts.txt");
        TargetList flags = TargetParser.parseLines(List.of("web02", "web03"), "--host");
        TargetList all = file.plus(flags);
        assertThat(all.targets()).extracting(Target::display).containsExactly("web01", "web02", "web03");
        assertThat(all.warnings()).containsExactly("duplicate target 'web02' ignored");
    }

    @Test
    void distinctByPortDropsAHostNamedWithAndWithoutTheRunsPort() {
        TargetList list = TargetParser.parseLines(List.of("web01", "WEB01:5985", "web01:5986", "[::1]", "[::1]:5985"),
                "hosts.txt");
        assertThat(list.targets()).hasSize(5); // as written, all differ

        TargetList distinct = list.distinctByPort(t -> t.portOr(5985));

        assertThat(distinct.targets()).extracting(Target::display).containsExactly("web01", "web01:5986", "::1");
        assertThat(distinct.warnings()).containsExactly(
                "duplicate target 'WEB01:5985' ignored: the same host and port as 'web01'",
                "duplicate target '[::1]:5985' ignored: the same host and port as '::1'");
        assertThat(list.distinctByPort(t -> t.portOr(5986)).targets()).hasSize(4); // web01 and WEB01:5985 differ now
    }
}
