package io.winrminvoke.engine.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.options.RunOptions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Host entries that name their transport ({@code ssh://}, {@code winrm://}) and the ports they get. */
class SshTargetsTest {

    @ParameterizedTest
    @CsvSource({
            "ssh://web01, web01, 0, SSH",
            "ssh://web01:2222, web01, 2222, SSH",
            "SSH://Web01.corp.example.com, Web01.corp.example.com, 0, SSH",
            "ssh://10.0.0.7:22, 10.0.0.7, 22, SSH",
            "ssh://[::1]:2222, ::1, 2222, SSH",
            "ssh://[fe80::1], fe80::1, 0, SSH",
            "winrm://web02:5986, web02, 5986, WINRM",
    })
    void anEntryMayNameItsTransport(String entry, String host, int port, Transport transport) {
        Target t = TargetParser.parseLines(List.of(entry), "hosts.txt").targets().get(0);

        assertThat(t).isEqualTo(new Target(host, port, transport));
        assertThat(TargetParser.parseLines(List.of(t.display()), "again").targets()).containsExactly(t);
    }

    @Test
    void anEntryWithoutSchemeUsesTheRunsTransport() {
        Target plain = TargetParser.parseLines(List.of("web01:5985"), "hosts.txt").targets().get(0);

        assertThat(plain.transport()).isNull();
        assertThat(plain.display()).isEqualTo("web01:5985");
        assertThat(RunOptions.builder().transport(Transport.SSH).build().transportFor(plain)).isEqualTo(Transport.SSH);
        assertThat(RunOptions.defaults().transportFor(plain)).isEqualTo(Transport.WINRM);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://web01|unknown transport 'ftp://': use ssh:// or winrm://",
            "ssh://admin@web01|only host and port follow 'ssh://' (the user is given once for the run, and there is no path)",
            "ssh://web01/home|only host and port follow 'ssh://' (the user is given once for the run, and there is no path)",
            "ssh://|the host name is empty",
            "ssh://web01:0|port 0 is outside 1..65535",
    })
    void aBadSchemeEntryNamesTheLineAndWhy(String entry, String why) {
        assertThatThrownBy(() -> TargetParser.parseLines(List.of("web00", entry), "hosts.txt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("hosts.txt line 2: invalid host entry '" + entry + "': " + why);
    }

    @Test
    void theSameHostOverEachTransportIsTwoTargetsButNamedTwiceIsOne() {
        TargetList list = TargetParser.parseLines(List.of("web01", "ssh://web01", "ssh://WEB01"), "hosts.txt");

        assertThat(list.targets()).containsExactly(new Target("web01", 0), new Target("web01", 0, Transport.SSH));
        assertThat(list.warnings()).containsExactly(
                "hosts.txt line 3: duplicate target 'ssh://WEB01' (first on line 2) ignored");
    }

    @Test
    void sshTargetsDefaultToPort22AndThePortOptionServesTheRunsTransportOnly() {
        Target ssh = new Target("h", 0, Transport.SSH);
        Target winrm = new Target("h", 0, Transport.WINRM);
        Target plain = new Target("h", 0);

        RunOptions winrmRun = RunOptions.builder().port(15985).build();
        assertThat(winrmRun.portFor(plain)).isEqualTo(15985);
        assertThat(winrmRun.portFor(ssh)).isEqualTo(22);

        RunOptions sshRun = RunOptions.builder().transport(Transport.SSH).port(2222).https(true).build();
        assertThat(sshRun.portFor(plain)).isEqualTo(2222);
        assertThat(sshRun.portFor(ssh)).isEqualTo(2222);
        assertThat(sshRun.portFor(winrm)).isEqualTo(5986);
        assertThat(sshRun.portFor(new Target("h", 2200, Transport.SSH))).isEqualTo(2200);
    }

    @Test
    void aHostNamedWithAndWithoutItsSshPortRunsOnce() {
        TargetList list = TargetParser.parseLines(List.of("ssh://web01", "ssh://web01:22"), "hosts.txt");

        TargetList distinct = list.distinctByPort(RunOptions.defaults()::portFor);

        assertThat(distinct.targets()).containsExactly(new Target("web01", 0, Transport.SSH));
        assertThat(distinct.warnings()).containsExactly(
                "duplicate target 'ssh://web01:22' ignored: the same host and port as 'ssh://web01'");
    }

    @Test
    void aTransportIsNamedWinrmOrSsh() {
        assertThat(Transport.parse(" SSH ", "--transport")).isEqualTo(Transport.SSH);
        assertThat(Transport.parse("winrm", "--transport")).isEqualTo(Transport.WINRM);
        assertThatThrownBy(() -> Transport.parse("telnet", "--transport"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--transport: invalid value 'telnet': winrm or ssh");
    }
}
