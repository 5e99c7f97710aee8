package io.aiperf.core.load;

import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.model.CreditPhase;

import java.util.List;

/**
 * When a phase's credits are due: one implementation per timing mode, chosen once by {@link #forPhase}. An issuer
 * decides only the timing; the {@link SessionDispatcher} it is given opens sessions, applies the limits and sends.
 * Controller thread only; every call takes the time from the caller, so an issuer never reads a clock.
 */
interface CreditIssuer {

    /** The phase clock starts at {@code startNs}; nothing is due before. */
    void start(long startNs);

    /**
     * Sends every credit that is due at {@code nowNs} and allowed by the limits.
     *
     * @return true when a due credit is intended at or after the duration's end: the phase stops issuing
     */
    boolean issueDue(long nowNs, CreditSink sink);

    /** When the next pass is due ({@link SendAhead#wakeNs}), or Long.MAX_VALUE. */
    long nextWakeNs();

    /** A session's previous turn returned and its next turn is due at {@code dueNs}. */
    void turnDue(Session session, long dueNs);

    /**
     * A session ended: its last turn returned, a turn failed, or the phase stopped issuing.
     *
     * @param stillIssuing the phase issues more credits (no stop condition has been met)
     */
    default void sessionEnded(Session session, long nowNs, boolean stillIssuing) {
    }

    /** Later turns wait for their time, so sending is not over even when no session may start. */
    boolean hasWaitingTurns();

    /**
     * The worker of {@code worker}'s sessions died, and with it their history: takes out the sessions waiting for a
     * later turn on it (the phase ends them).
     */
    List<Session> dropSessionsOn(int worker);

    /** Drops everything waiting: the phase issues nothing more. */
    void stop();

    /** The issuer of the phase's timing mode; the mode is not looked at again after this. */
    static CreditIssuer forPhase(CreditPhase phase, TimingMode mode, PhaseLoad load, LoadConfig config,
                                 long phaseSeed, SessionDispatcher dispatcher, SendAhead ahead) {
        return switch (resolved(phase, mode)) {
            case FIXED_SCHEDULE -> new FixedScheduleIssuer(dispatcher, ahead);
            case USER_CENTRIC_RATE -> new UserCentricIssuer(dispatcher, config.userCentric(), ahead);
            case REQUEST_RATE -> burst(load)
                    ? new BurstIssuer(dispatcher, ahead.urgentNs())
                    : new RateIssuer(dispatcher, ArrivalSchedule.of(load.pattern(), load.requestRate(),
                    load.smoothness(), phaseSeed,
                    load.rateRampS() == null ? null : RateRamp.linear(load.requestRate(), load.rateRampS())), ahead);
        };
    }

    /** True when {@link #forPhase} gives a {@code BurstIssuer}: new sessions start whenever a slot is free. */
    static boolean fillsFreedSlots(CreditPhase phase, TimingMode mode, PhaseLoad load) {
        return resolved(phase, mode) == TimingMode.REQUEST_RATE && burst(load);
    }

    /** A trace is replayed once, by the profiling phase; warmup runs at its own rate (or as a burst). */
    private static TimingMode resolved(CreditPhase phase, TimingMode mode) {
        return phase == CreditPhase.WARMUP && mode == TimingMode.FIXED_SCHEDULE ? TimingMode.REQUEST_RATE : mode;
    }

    private static boolean burst(PhaseLoad load) {
        return load.pattern() == ArrivalPattern.CONCURRENCY_BURST || load.requestRate() == null;
    }
}
