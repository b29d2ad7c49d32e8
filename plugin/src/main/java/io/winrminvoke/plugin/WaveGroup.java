package io.winrminvoke.plugin;

import java.io.Serializable;

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
}
