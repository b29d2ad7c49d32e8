package io.winrminvoke.bench;

/** Requests the simulator logged during one run: all of them, the Receives, the most one host got. */
record RequestCounts(long requests, long receives, long maxOnOneHost) {
}
