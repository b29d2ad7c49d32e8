package io.winrminvoke.engine.report;

import io.winrminvoke.engine.mask.Masker;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the effective options into plain JSON values (string, number, boolean, list, map) and
 * passes every text through the masker: the caller promises options without secrets, and the
 * masker catches a secret that slipped into one anyway.
 */
final class OptionValues {

    private OptionValues() {
    }

    static Map<String, Object> toJson(Map<String, ?> options, Masker masker) {
        Map<String, Object> out = new LinkedHashMap<>();
        options.forEach((key, value) -> out.put(masker.mask(String.valueOf(key)), toJson(value, masker)));
        return out;
    }

    static Object toJson(Object value, Masker masker) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Duration || value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(masker.mask(String.valueOf(k)), toJson(v, masker)));
            return out;
        }
        if (value instanceof Collection<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            items.forEach(item -> out.add(toJson(item, masker)));
            return out;
        }
        if (value instanceof Object[] items) {
            return toJson(Arrays.asList(items), masker);
        }
        return masker.mask(value.toString());
    }
}
