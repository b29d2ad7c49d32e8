package io.winrminvoke.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases of one benchmark run, grouped by the simulator they need (one simulator per
 * behaviour, sized for its largest case), and how often each is repeated.
 */
record BenchPlan(List<BenchCase> cases, int repetitions, boolean warmUp, List<Tool> tools) {

    static final long MIB = 1024 * 1024;

    BenchPlan {
        cases = List.copyOf(cases);
        tools = List.copyOf(tools);
        if (repetitions < 1) {
            throw new IllegalArgumentException("--repeat: invalid value '" + repetitions + "': allowed 1..");
        }
    }

    /** Issue 12's cases (a), (b), (c), plus instant runs at smaller N for the chart. */
    static BenchPlan full(int repetitions, List<Tool> tools) {
        FleetBehaviour instant = FleetBehaviour.instant();
        return new BenchPlan(List.of(
                new BenchCase("a", FleetBehaviour.sleep(1, "5ms"), 1000, 100),
                new BenchCase("sweep", instant, 100, 100),
                new BenchCase("sweep", instant, 200, 100),
                new BenchCase("sweep", instant, 500, 100),
                new BenchCase("b", instant, 1000, 100),
                new BenchCase("c", FleetBehaviour.output(MIB), 200, 100)), repetitions, true, tools);
    }

    /** The same shapes at small N, once each, no warm-up: a smoke test that the harness works. */
    static BenchPlan quick(List<Tool> tools) {
        FleetBehaviour instant = FleetBehaviour.instant();
        return new BenchPlan(List.of(
                new BenchCase("a", FleetBehaviour.sleep(1, "5ms"), 20, 10),
                new BenchCase("sweep", instant, 10, 10),
                new BenchCase("b", instant, 20, 10),
                new BenchCase("c", FleetBehaviour.output(MIB), 10, 10)), 1, false, tools);
    }

    /** This plan with only the cases whose id is in {@code ids} ("sweep" for the chart's points). */
    BenchPlan only(List<String> ids) {
        List<BenchCase> kept = cases.stream().filter(c -> ids.contains(c.id())).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("--cases: invalid value '" + String.join(",", ids)
                    + "': allowed a comma-separated list of a, b, c, sweep");
        }
        return new BenchPlan(kept, repetitions, warmUp, tools);
    }

    /** Our CLI as users start it: the first tool. */
    Tool engine() {
        return tools.get(0);
    }

    /** The order of repetition {@code rep}: all tools, reversed every other repetition. */
    List<Tool> order(int rep) {
        List<Tool> order = new ArrayList<>(tools);
        if (rep % 2 == 0) {
            java.util.Collections.reverse(order);
        }
        return order;
    }

    /** Whether the plan has every case issue 12's figures need. */
    boolean hasFigures() {
        return cases.stream().map(BenchCase::id).toList().containsAll(List.of("a", "b", "c"))
                && cases.stream().anyMatch(x -> x.behaviour().outputBytes() == 0 && x.behaviour().sleepSeconds() == 0
                        && x.hosts() == the("c").hosts());
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
