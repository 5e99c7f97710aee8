package io.aiperf.ui;

/**
 * A count's rate of change over the last few seconds: the request rate and records/s the progress panel shows. A
 * ring of (time, count) samples, one per UI tick whether or not the count moved, so a stall reads as a rate falling
 * to zero within the window rather than as the last rate frozen.
 */
final class RateWindow {

    private final long windowNs;
    private final long[] timesNs;
    private final long[] counts;
    private int size;
    private int newest = -1;

    RateWindow(long windowNs, int capacity) {
        this.windowNs = windowNs;
        this.timesNs = new long[capacity];
        this.counts = new long[capacity];
    }

    /** Records {@code count} as of {@code nowNs}; a count that went down (a new phase) starts the window over. */
    void add(long nowNs, long count) {
        if (newest >= 0 && count < counts[newest]) {
            size = 0;
        }
        newest = (newest + 1) % timesNs.length;
        timesNs[newest] = nowNs;
        counts[newest] = count;
        size = Math.min(size + 1, timesNs.length);
    }

    void reset() {
        size = 0;
    }

    /** Per second between the oldest sample within the window ending at {@code nowNs} and the newest; NaN until two. */
    double perSecond(long nowNs) {
        int oldest = -1;
        for (int i = size - 1; i >= 1; i--) {
            int at = Math.floorMod(newest - i, timesNs.length);
            if (nowNs - timesNs[at] <= windowNs) {
                oldest = at;
                break;
            }
        }
        if (oldest < 0) {
            return Double.NaN;
        }
        long dtNs = timesNs[newest] - timesNs[oldest];
        return dtNs <= 0 ? Double.NaN : (counts[newest] - counts[oldest]) * 1e9 / dtNs;
    }
}
