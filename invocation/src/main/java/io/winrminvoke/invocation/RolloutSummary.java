package io.winrminvoke.invocation;

import io.winrminvoke.engine.rollout.RolloutReport;
import io.winrminvoke.engine.rollout.Wave;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How a staged run's rollout went, as the build page shows it: the engine's one-line summary and
 * the hosts grouped by wave, each wave headed by the engine's line for it. Null for a run without
 * waves or budget. A class rather than a record because the build keeps it with XStream.
 */
public final class RolloutSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String summary;
    private final List<WaveGroup> waves;

    private RolloutSummary(String summary, List<WaveGroup> waves) {
        this.summary = summary;
        this.waves = waves;
    }

    /** @return null for an unstaged run */
    public static RolloutSummary of(RolloutReport report) {
        if (!report.staged()) {
            return null;
        }
        // a plain ArrayList: XStream stores it as a list
        List<WaveGroup> waves = new ArrayList<>();
        for (Wave wave : report.plan().waves()) {
            waves.add(new WaveGroup(wave.number(), report.waveLine(wave.number()), wave.firstHost(), wave.hosts()));
        }
        return new RolloutSummary(report.summary(), waves);
    }

    public String getSummary() {
        return summary;
    }

    public List<WaveGroup> getWaves() {
        return waves;
    }

    /** The wave (1-based) of the host at {@code hostIndex}, 0 if none holds it. */
    public int waveOf(int hostIndex) {
        for (WaveGroup w : waves) {
            if (hostIndex >= w.getFirstHost() && hostIndex < w.getFirstHost() + w.getHosts()) {
                return w.getWave();
            }
        }
        return 0;
    }
}
