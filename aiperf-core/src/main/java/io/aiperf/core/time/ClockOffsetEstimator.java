package io.aiperf.core.time;

/**
 * The offset to another host's monotonic clock from the latest probes: the sample with the shortest round trip among
 * the last {@link #WINDOW}, since queueing on the way (a busy bus thread, the network) only ever lengthens a round
 * trip and makes it lopsided. Old samples leave the window, so the estimate follows the slow drift of two hosts'
 * oscillators (a few microseconds a second). One thread only.
 */
public final class ClockOffsetEstimator {

    /** Probes the estimate is chosen from. */
    public static final int WINDOW = 16;

    private final ClockSample[] window = new ClockSample[WINDOW];
    private int added;

    public void add(ClockSample sample) {
        window[added % WINDOW] = sample;
        added++;
    }

    /** Probes added so far. */
    public int samples() {
        return added;
    }

    /** The best sample in the window, or null before the first. */
    public ClockSample best() {
        ClockSample best = null;
        for (ClockSample s : window) {
            if (s != null && (best == null || s.roundTripNs() < best.roundTripNs())) {
                best = s;
            }
        }
        return best;
    }
}
