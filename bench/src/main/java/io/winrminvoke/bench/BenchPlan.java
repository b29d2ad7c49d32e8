package io.winrminvoke.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases of one benchmark run, grouped by the simulator they need (one simulator per
 * behaviour, sized for its largest case), and how often each is repeated.
 */
record BenchPlan(List<BenchCase> cases, int repetitions, boolean warmUp) {

    static final long MIB = 1024 * 1024;

    BenchPlan {
        cases = List.copyOf(cases);
        if (repetitions < 1) {
            throw new IllegalArgumentException("--repeat: invalid value '" + repetitions + "': allowed 1..");
        }
    }

    /** Issue 12's cases (a), (b), (c), plus instant runs at smaller N for the chart. */
    static BenchPlan full(int repetitions) {
        FleetBehaviour instant = FleetBehaviour.instant();
        return new BenchPlan(List.of(
                new BenchCase("a", FleetBehaviour.sleep(1, "5ms"), 1000, 100),
                new BenchCase("sweep", instant, 100, 100),
                new BenchCase("sweep", instant, 200, 100),
                new BenchCase("sweep", instant, 500, 100),
                new BenchCase("b", instant, 1000, 100),
                new BenchCase("c", FleetBehaviour.output(MIB), 200, 100)), repetitions, true);
    }

    /** The same shapes at small N, once each, no warm-up: a smoke test that the harness works. */
    static BenchPlan quick() {
        FleetBehaviour instant = FleetBehaviour.instant();
        return new BenchPlan(List.of(
                new BenchCase("a", FleetBehaviour.sleep(1, "5ms"), 20, 10),
                new BenchCase("sweep", instant, 10, 10),
                new BenchCase("b", instant, 20, 10),
                new BenchCase("c", FleetBehaviour.output(MIB), 10, 10)), 1, false);
    }

    /** The cases by the simulator behaviour they run against, in plan order. */
    Map<FleetBehaviour, List<BenchCase>> byBehaviour() {
        Map<FleetBehaviour, List<BenchCase>> groups = new LinkedHashMap<>();
        for (BenchCase c : cases) {
            groups.computeIfAbsent(c.behaviour(), b -> new ArrayList<>()).add(c);
        }
        return groups;
    }

    BenchCase the(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the plan has no case " + id));
    }

    /** The instant case with the same N as case c: its CPU is what c costs without output. */
    BenchCase instantLike(BenchCase c) {
        return cases.stream().filter(x -> x.behaviour().outputBytes() == 0 && x.behaviour().sleepSeconds() == 0
                        && x.hosts() == c.hosts() && x.throttle() == c.throttle()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the plan has no instant case with N=" + c.hosts()));
    }
}
