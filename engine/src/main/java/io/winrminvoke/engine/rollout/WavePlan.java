package io.winrminvoke.engine.rollout;

import java.util.ArrayList;
import java.util.List;

/**
 * Which hosts run in which wave. Waves take the hosts in the target list's order (the order of
 * the hosts file and {@code --host} options after duplicates are dropped), so the same list and
 * the same sizes always give the same waves: the canary is the first host listed.
 *
 * @param waves in the order they run; together they hold every host once
 */
public record WavePlan(List<Wave> waves) {

    public WavePlan {
        waves = List.copyOf(waves);
    }

    /**
     * Cuts {@code fleetSize} hosts into waves of the given sizes; the last size repeats until every
     * host has a wave, and a wave larger than what is left holds what is left. No sizes: one wave.
     */
    public static WavePlan of(List<WaveSize> sizes, int fleetSize) {
        List<Wave> waves = new ArrayList<>();
        int next = 0;
        while (next < fleetSize) {
            WaveSize size = sizes.isEmpty() ? null : sizes.get(Math.min(waves.size(), sizes.size() - 1));
            int hosts = size == null ? fleetSize : Math.min(size.hostsIn(fleetSize), fleetSize - next);
            waves.add(new Wave(waves.size() + 1, next, hosts));
            next += hosts;
        }
        return new WavePlan(waves);
    }

    public int size() {
        return waves.size();
    }

    public int hosts() {
        return waves.isEmpty() ? 0 : waves.get(waves.size() - 1).endHost();
    }

    /** The wave (1-based) of the host at {@code hostIndex} in the target list. */
    public int waveOf(int hostIndex) {
        int low = 0;
        int high = waves.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Wave wave = waves.get(mid);
            if (hostIndex < wave.firstHost()) {
                high = mid - 1;
            } else if (hostIndex >= wave.endHost()) {
                low = mid + 1;
            } else {
                return wave.number();
            }
        }
        throw new IndexOutOfBoundsException("host " + hostIndex + " of " + hosts());
    }

    /** The sizes as they came out, repeats counted: {@code 1, 10, 89} or {@code 10 x 10}. */
    public String sizesText() {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < waves.size()) {
            int hosts = waves.get(i).hosts();
            int repeat = 1;
            while (i + repeat < waves.size() && waves.get(i + repeat).hosts() == hosts) {
                repeat++;
            }
            parts.add(repeat == 1 ? Integer.toString(hosts) : hosts + " x " + repeat);
            i += repeat;
        }
        return String.join(", ", parts);
    }
}
