package io.winrminvoke.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Pipeline map form of {@code arguments}: each entry is one {@code name=value} line or refused. */
class ArgumentLinesTest {

    private static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void entriesBecomeLinesInOrder() {
        assertThat(WinRmInvokeStep.DescriptorImpl.argumentLines(map("Version", "1.2", "Count", 3, "Query", "a=b")))
                .isEqualTo("Version=1.2\nCount=3\nQuery=a=b");
    }

    @Test
    void aValueWithALineBreakIsRefusedInsteadOfSettingAnotherArgument() {
        assertThatThrownBy(() -> WinRmInvokeStep.DescriptorImpl.argumentLines(map("Message", "hi\nForce=1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Message'")
                .hasMessageNotContaining("Force");
        assertThatThrownBy(() -> WinRmInvokeStep.DescriptorImpl.argumentLines(map("Message", "hi\r")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameWithEqualsOrALineBreakIsRefused() {
        assertThatThrownBy(() -> WinRmInvokeStep.DescriptorImpl.argumentLines(map("A=B", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid parameter name");
        assertThatThrownBy(() -> WinRmInvokeStep.DescriptorImpl.argumentLines(map("A\nB", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid parameter name");
    }

    @Test
    void aNullValueIsRefusedRatherThanPassedAsTheTextNull() {
        Map<Object, Object> m = new HashMap<>();
        m.put("Version", null);
        assertThatThrownBy(() -> WinRmInvokeStep.DescriptorImpl.argumentLines(m))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Version' is null");
    }
}
