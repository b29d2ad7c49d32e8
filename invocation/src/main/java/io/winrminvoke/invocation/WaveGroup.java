package io.winrminvoke.invocation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** One wave on the build page: its number, the engine's line for it, and which hosts it holds. */
public final class WaveGroup implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int wave;
    private final String line;
    /** Index of the wave's first host in the run's host list; the wave's hosts follow it in order. */
    private final int firstHost;
    private final int hosts;

    WaveGroup(int wave, String line, int firstHost, int hosts) {
        this.wave = wave;
        this.line = line;
        this.firstHost = firstHost;
        this.hosts = hosts;
    }

    public int getWave() {
        return wave;
    }

    public String getLine() {
        return line;
    }

    public int getFirstHost() {
        return firstHost;
    }

    public int getHosts() {
        return hosts;
    }

    /**
     * Which of the page's listed hosts are this wave's, in the page's order (those that did not
     * succeed first): the page bounds its rows over the whole run, then groups them by wave.
     *
     * @param all    every host of the run, in input order (the wave holds consecutive ones)
     * @param listed the hosts the page lists, the same objects as in {@code all}
     */
    public <T> List<T> listed(List<T> all, List<T> listed) {
        int from = Math.min(firstHost, all.size());
        Set<T> mine = Collections.newSetFromMap(new IdentityHashMap<>());
        mine.addAll(all.subList(from, Math.min(from + hosts, all.size())));
        List<T> result = new ArrayList<>();
        for (T host : listed) {
            if (mine.contains(host)) {
                result.add(host);
            }
        }
        return result;
    }
}
