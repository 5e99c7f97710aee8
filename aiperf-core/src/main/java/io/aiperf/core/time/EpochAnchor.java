package io.aiperf.core.time;

import java.time.Instant;

/**
 * Ties this process's {@code System.nanoTime()} to the wall clock once, so that monotonic stamps (which measure
 * latency exactly) can be reported as epoch times (which humans and other tools line up). Taken once per process:
 * later wall-clock adjustments (NTP) do not bend measured intervals.
 *
 * <p>A worker on another host {@linkplain #adopt adopts} the controller's anchor, shifted by the measured offset
 * between the two hosts' monotonic clocks, so the epoch times of every host of a run are on one clock (the
 * controller's) and line up; its latencies stay differences of its own {@code System.nanoTime()} readings. The
 * process anchor is read by the event loops as they finish a record, written by the worker's bus thread: volatile.
 */
public final class EpochAnchor {

    private static volatile EpochAnchor process = capture();

    private final long anchorEpochNs;
    private final long anchorNanoNs;

    private EpochAnchor(long anchorEpochNs, long anchorNanoNs) {
        this.anchorEpochNs = anchorEpochNs;
        this.anchorNanoNs = anchorNanoNs;
    }

    public static EpochAnchor process() {
        return process;
    }

    /** From now on, this process's epoch times are {@code anchor}'s (see the class comment). */
    public static void adopt(EpochAnchor anchor) {
        process = anchor;
    }

    /** The anchor of a process whose wall clock read {@code anchorEpochNs} when its nanoTime read {@code anchorNanoNs}. */
    public static EpochAnchor of(long anchorEpochNs, long anchorNanoNs) {
        return new EpochAnchor(anchorEpochNs, anchorNanoNs);
    }

    /**
     * This anchor, for a process whose {@code System.nanoTime()} reads {@code offsetNs} more than the anchor's
     * process at the same instant.
     */
    public EpochAnchor shiftedBy(long offsetNs) {
        return new EpochAnchor(anchorEpochNs, anchorNanoNs + offsetNs);
    }

    public long anchorEpochNs() {
        return anchorEpochNs;
    }

    public long anchorNanoNs() {
        return anchorNanoNs;
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
