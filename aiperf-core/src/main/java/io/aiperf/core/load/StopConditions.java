package io.aiperf.core.load;

import io.aiperf.core.config.PhaseLoad;

/**
 * When a phase stops issuing: when any condition it has is met ({@code --request-count} credits sent,
 * {@code --num-sessions} sessions started, {@code --benchmark-duration} elapsed); and when in-flight requests are
 * abandoned after the duration (its grace period).
 */
final class StopConditions {

    private final Long requestCount;
    private final Long numSessions;
    private final Double durationS;
    private final long durationNs;
    private final double gracePeriodS;

    StopConditions(PhaseLoad load) {
        this.requestCount = load.requestCount();
        this.numSessions = load.numSessions();
        this.durationS = load.durationS();
        this.durationNs = durationS == null ? Long.MAX_VALUE : (long) (durationS * 1e9);
        this.gracePeriodS = load.gracePeriodS();
    }

    boolean requestCountReached(long creditsSent) {
        return requestCount != null && creditsSent >= requestCount;
    }

    /** Sessions already started still finish their turns. */
    boolean sessionCountReached(long sessionsStarted) {
        return numSessions != null && sessionsStarted >= numSessions;
    }

    /** Past the duration {@code elapsedNs} into the phase; a credit intended at or after its end is never sent. */
    boolean durationOver(long elapsedNs) {
        return durationS != null && elapsedNs >= durationNs;
    }

    /** The end of the duration, or {@link Long#MAX_VALUE} without one. */
    long durationEndNs(long startNs) {
        return durationS == null ? Long.MAX_VALUE : startNs + durationNs;
    }

    /** {@code --benchmark-duration} in ns, or -1 without one. */
    long durationNs() {
        return durationS == null ? -1 : durationNs;
    }

    /** How long in-flight requests may finish after the duration, in ns; -1 without a duration or when infinite. */
    long gracePeriodNs() {
        return durationS == null || Double.isInfinite(gracePeriodS) ? -1 : (long) (gracePeriodS * 1e9);
    }

    /** When in-flight requests are abandoned: duration + grace, or {@link Long#MAX_VALUE} (no duration, or inf). */
    long graceDeadlineNs(long startNs) {
        if (durationS == null || Double.isInfinite(gracePeriodS)) {
            return Long.MAX_VALUE;
        }
        // Summed in seconds before rounding, so the deadline is the one the options name.
        return startNs + (long) ((durationS + gracePeriodS) * 1e9);
    }

    /** The planned credit count when the phase is bounded by one, else -1 (sessions × turns is not known ahead). */
    long plannedTotal() {
        return requestCount == null ? -1 : requestCount;
    }
}
