package io.winrminvoke.engine.rollout;

/**
 * One wave of a rollout: a run of consecutive hosts of the run's target list.
 *
 * @param number    1-based
 * @param firstHost index in the target list of the wave's first host
 * @param hosts     how many hosts the wave holds (1 or more)
 */
public record Wave(int number, int firstHost, int hosts) {

    /** Index just past the wave's last host. */
    public int endHost() {
        return firstHost + hosts;
    }

    public boolean contains(int hostIndex) {
        return hostIndex >= firstHost && hostIndex < endHost();
    }

    /** The line a console prints as the wave starts: {@code wave 2/4: 30 hosts starting}. */
    public String startingLine(int waveCount) {
        return "wave " + number + "/" + waveCount + ": " + hosts + (hosts == 1 ? " host" : " hosts") + " starting";
    }
}
