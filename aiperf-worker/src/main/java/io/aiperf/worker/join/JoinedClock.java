package io.aiperf.worker.join;

import io.aiperf.core.message.Message.ClockReading;
import io.aiperf.core.message.Message.JoinAccepted;
import io.aiperf.core.time.ClockOffsetEstimator;
import io.aiperf.core.time.ClockSample;
import io.aiperf.core.time.EpochAnchor;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A joined worker's view of the controller's clock. Right after the join it sends {@link #INITIAL_PROBES} probes,
 * {@link #INITIAL_SPACING_NS} apart (the first round trips of a fresh JVM are slow and lopsided: spaced ones give the
 * estimator some fast ones), then one every {@link #PERIOD_NS}; the offset is the best of the latest probes
 * ({@link ClockOffsetEstimator}). Each new estimate moves this process's epoch anchor onto the controller's
 * ({@link EpochAnchor#adopt}), so every host's epoch times line up, and credits' controller-clock times are moved
 * onto this host's clock with {@link #offsetNs()}. Bus thread only.
 */
public final class JoinedClock {

    /** Probes answered before the worker takes the run's configuration and says it is ready. */
    public static final int INITIAL_PROBES = 32;
    static final long INITIAL_SPACING_NS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How often a probe follows once settled: two hosts' oscillators drift apart by microseconds a second. */
    static final long PERIOD_NS = TimeUnit.SECONDS.toNanos(1);
    /** An answer that has not come by then is given up on (the next probe goes out). */
    static final long ANSWER_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ClockOffsetEstimator estimator = new ClockOffsetEstimator();
    private EpochAnchor controllerAnchor;
    private long offsetNs;
    /** The probe awaiting its answer: its number and when it left; -1 when none. */
    private long outstandingId = -1;
    private long outstandingSentNs;
    private long nextProbeId;
    private long lastProbeNs;
    private int answered;

    /** The controller accepted the join: its anchor, for the epoch times. */
    public void accepted(JoinAccepted accepted) {
        controllerAnchor = EpochAnchor.of(accepted.anchorEpochNs(), accepted.anchorNanoNs());
    }

    /**
     * The number of a probe to send now, or -1 when none is due; say when it left with {@link #sent}, a time taken
     * before it was sent.
     */
    public long probeDue(long nowNs) {
        if (controllerAnchor == null) {
            return -1;
        }
        if (outstandingId >= 0 && nowNs - outstandingSentNs < ANSWER_TIMEOUT_NS) {
            return -1;
        }
        long spacing = answered < INITIAL_PROBES ? INITIAL_SPACING_NS : PERIOD_NS;
        if (nextProbeId > 0 && nowNs - lastProbeNs < spacing) {
            return -1;
        }
        outstandingId = nextProbeId++;
        outstandingSentNs = nowNs; // until sent() says exactly when
        lastProbeNs = nowNs;
        return outstandingId;
    }

    /** Probe {@code probeId} left at {@code sentNs}. */
    public void sent(long probeId, long sentNs) {
        if (probeId == outstandingId) {
            outstandingSentNs = sentNs;
            lastProbeNs = sentNs;
        }
    }

    /** A probe's answer, read at {@code receivedNs}; one for a probe given up on is dropped (its send time is gone). */
    public void reading(ClockReading r, long receivedNs) {
        if (r.probeId() != outstandingId) {
            return;
        }
        outstandingId = -1;
        estimator.add(ClockSample.of(outstandingSentNs, r.controllerReceivedNs(), r.controllerSentNs(), receivedNs));
        answered++;
        offsetNs = estimator.best().offsetNs();
        EpochAnchor.adopt(controllerAnchor.shiftedBy(offsetNs));
    }

    /** The initial probes are in: the offset is known. */
    public boolean settled() {
        return answered >= INITIAL_PROBES;
    }

    /** How much this host's {@code System.nanoTime()} reads more than the controller's. */
    public long offsetNs() {
        return offsetNs;
    }

    /** Probes answered so far. */
    public int answered() {
        return answered;
    }

    /** The best sample of the window, or null. */
    public ClockSample best() {
        return estimator.best();
    }

    /** {@code ±0.040 ms (best round trip of the last 8 probes)} */
    public String describe() {
        ClockSample best = estimator.best();
        if (best == null) {
            return "not measured";
        }
        return String.format(Locale.ROOT, "known to ±%.3f ms (half the best round trip of the last %d probes; "
                + "monotonic clocks %+.3f ms apart)", best.errorBoundNs() / 1e6,
                Math.min(answered, ClockOffsetEstimator.WINDOW), best.offsetNs() / 1e6);
    }
}
