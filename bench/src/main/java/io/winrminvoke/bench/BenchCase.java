package io.winrminvoke.bench;

/**
 * One measured workload: {@code hosts} hosts of a simulator whose hosts all behave alike, run
 * with {@code throttle} hosts in flight.
 *
 * @param id       {@code a}, {@code b}, {@code c}, or {@code sweep} for the chart's extra points
 */
record BenchCase(String id, FleetBehaviour behaviour, int hosts, int throttle) {

    BenchCase {
        if (hosts < 1 || throttle < 1) {
            throw new IllegalArgumentException("case " + id + ": hosts and throttle must be >= 1");
        }
    }

    /** ceil(hosts / throttle) waves of the command's own duration. */
    double idealWallSeconds() {
        return Math.ceil((double) hosts / throttle) * behaviour.sleepSeconds();
    }

    double outputMiB() {
        return hosts * (double) behaviour.outputBytes() / (1024 * 1024);
    }

    String label() {
        return id + " N=" + hosts + " T=" + throttle + " " + behaviour.name()
                + (behaviour.latency() == null ? "" : " latency " + behaviour.latency());
    }
}
