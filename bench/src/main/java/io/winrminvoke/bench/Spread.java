package io.winrminvoke.bench;

import java.util.List;

/** The minimum and the median of a case's repetitions (the lower middle one for an even count). */
record Spread(double min, double median) {

    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        return new Spread(sorted.get(0), sorted.get((sorted.size() - 1) / 2));
    }
}
