package io.winrminvoke.bench;

/**
 * What one client process did in one run of a case. CPU and RSS are the client process's own
 * (from wait4's rusage via /usr/bin/time), never the simulator's; the simulator's CPU during the
 * run is kept apart to show whether it could have been the bottleneck.
 *
 * @param connections TCP connections the client opened, or -1 when the run shared its network
 *                    namespace with other processes (then the kernel's count is not ours alone)
 */
record ClientRun(BenchCase benchCase, Tool tool, int repetition, double wallSeconds, double userSeconds,
                 double systemSeconds, long peakRssKb, int exitStatus, long requests, long receives,
                 long maxRequestsOnOneHost, long connections, double simulatorCpuSeconds) {

    double cpuSeconds() {
        return userSeconds + systemSeconds;
    }

    double peakRssMb() {
        return peakRssKb / 1024.0;
    }

    boolean succeeded() {
        return exitStatus == 0;
    }

    double requestsPerHost() {
        return (double) requests / benchCase.hosts();
    }

    double receivesPerHost() {
        return (double) receives / benchCase.hosts();
    }

    double connectionsPerHost() {
        return connections < 0 ? Double.NaN : (double) connections / benchCase.hosts();
    }
}
