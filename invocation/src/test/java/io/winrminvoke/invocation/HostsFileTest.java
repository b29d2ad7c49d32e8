package io.winrminvoke.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winrminvoke.engine.InvalidInputException;
import io.winrminvoke.engine.targets.Target;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HostsFileTest {

    @Test
    void utf8LinesAreHostsWithCommentsIgnored() {
        byte[] content = "# web\r\nweb1\nweb2:5986\n".getBytes(StandardCharsets.UTF_8);

        assertThat(HostsFile.parse(content, "inventory/web.txt").targets()).extracting(Target::display)
                .containsExactly("web1", "web2:5986");
    }

    @Test
    void aUtf16FileIsNamedAsSuch() {
        byte[] utf16 = "\uFEFFweb1\r\n".getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> HostsFile.parse(utf16, "hosts.txt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("hostsFile: 'hosts.txt' is not UTF-8 text");
    }
}
