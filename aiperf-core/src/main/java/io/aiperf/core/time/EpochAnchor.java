package io.aiperf.core.time;

import java.time.Instant;

/**
 * Ties this process's {@code System.nanoTime()} to the wall clock once, so that monotonic stamps (which measure
 * latency exactly) can be reported as epoch times (which humans and other tools line up). Taken once per process:
 * later wall-clock adjustments (NTP) do not bend measured intervals.
 */
public final class EpochAnchor {

    private static final EpochAnchor PROCESS = capture();

    private final long anchorEpochNs;
    private final long anchorNanoNs;

    private EpochAnchor(long anchorEpochNs, long anchorNanoNs) {
        this.anchorEpochNs = anchorEpochNs;
        this.anchorNanoNs = anchorNanoNs;
    }

    public static EpochAnchor process() {
        return PROCESS;
    }

    static EpochAnchor capture() {
        long before = System.nanoTime();
        Instant now = Instant.now();
        long after = System.nanoTime();
        return new EpochAnchor(now.getEpochSecond() * 1_000_000_000L + now.getNano(), before + (after - before) / 2);
    }

    /** The wall-clock time, in epoch nanoseconds, of a {@code System.nanoTime()} reading of this process. */
    public long epochNsOf(long nanoTimeNs) {
        return anchorEpochNs + (nanoTimeNs - anchorNanoNs);
    }
}
