package io.aiperf.core.load;

import io.aiperf.core.config.PhaseLoad;

/**
 * The two slot limits of a phase, as in AIPerf: a session holds a concurrency slot from its first turn until its
 * last turn returns (across think times), and, with {@code --prefill-concurrency}, each request holds a prefill slot
 * until its first token or its return.
 */
final class SlotLimits {

    /** A ramping limit rises without any event to wake the controller, so it looks again this often. */
    static final long RAMP_LOOK_NS = 100_000_000L;

    private final RampedLimit sessions;
    private final RampedLimit prefill;
    private final boolean prefillLimited;
    private final boolean ramped;
    private int activeSessions;
    private int prefillInFlight;

    SlotLimits(PhaseLoad load) {
        this(load, null);
    }

    /**
     * @param shares the workers' slot shares, or null: with shares, sessions may also wait on the workers, so the
     *               controller's limit is what all workers may hold ({@link SlotShares#totalCapacity})
     */
    SlotLimits(PhaseLoad load, SlotShares shares) {
        this.sessions = shares == null ? RampedLimit.of(load.concurrency(), load.concurrencyRampS())
                : RampedLimit.of(shares.totalCapacity(), null);
        this.prefill = RampedLimit.of(load.prefillConcurrency(), load.prefillRampS());
        this.prefillLimited = load.prefillConcurrency() != null;
        this.ramped = load.concurrencyRampS() != null || load.prefillRampS() != null;
    }

    boolean sessionSlotFree(long elapsedNs) {
        return activeSessions < sessions.at(elapsedNs);
    }

    boolean prefillSlotFree(long elapsedNs) {
        return prefillInFlight < prefill.at(elapsedNs);
    }

    /** Credits ask their worker for a first-token message only when it frees a prefill slot. */
    boolean prefillLimited() {
        return prefillLimited;
    }

    void sessionOpened() {
        activeSessions++;
    }

    void sessionClosed() {
        activeSessions--;
    }

    int activeSessions() {
        return activeSessions;
    }

    void prefillTaken() {
        prefillInFlight++;
    }

    void prefillFreed() {
        prefillInFlight--;
    }

    /** When to look at the ramps again, or {@link Long#MAX_VALUE} without a ramp. */
    long nextRampLookNs(long nowNs) {
        return ramped ? nowNs + RAMP_LOOK_NS : Long.MAX_VALUE;
    }
}
