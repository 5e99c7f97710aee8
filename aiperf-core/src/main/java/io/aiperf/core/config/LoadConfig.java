package io.aiperf.core.config;

/**
 * How load is applied, already resolved and validated by the CLI (AIPerf's mode resolution, defaults and errors).
 *
 * @param mode                      the timing mode
 * @param profiling                 the measured phase
 * @param warmup                    the warmup phase, or null; its records never reach results
 * @param cancellationRatePct       {@code --request-cancellation-rate}: percentage of profiling requests the client
 *                                  cancels on purpose (499 records), or null
 * @param cancellationDelayS        {@code --request-cancellation-delay}: seconds after the request was fully sent
 * @param userCentric               users and rate for {@link TimingMode#USER_CENTRIC_RATE}, else null
 * @param fixedSchedule             offsets for {@link TimingMode#FIXED_SCHEDULE}, else null
 */
public record LoadConfig(
        TimingMode mode,
        PhaseLoad profiling,
        PhaseLoad warmup,
        Double cancellationRatePct,
        double cancellationDelayS,
        UserCentric userCentric,
        FixedSchedule fixedSchedule) {

    /** {@code --user-centric-rate} and {@code --num-users}. */
    public record UserCentric(double qps, int numUsers) {
    }

    /**
     * {@code --fixed-schedule-*} options, in milliseconds of the trace's own clock.
     *
     * @param autoOffset    shift so that the first kept timestamp is time zero
     * @param startOffsetMs drop entries before it; it becomes time zero; or null
     * @param endOffsetMs   drop entries after it, or null
     */
    public record FixedSchedule(boolean autoOffset, Long startOffsetMs, Long endOffsetMs) {
    }

    public LoadConfig {
        if (mode == null || profiling == null) {
            throw new IllegalArgumentException("mode and profiling load are required");
        }
    }

    /** The same load without its warmup phase. */
    public LoadConfig withoutWarmup() {
        return new LoadConfig(mode, profiling, null, cancellationRatePct, cancellationDelayS, userCentric,
                fixedSchedule);
    }

    /**
     * True when the run's requests follow an open-loop schedule (a rate, a trace, user slots), false for a
     * closed-loop burst, where a late send is only the client's reaction to a freed slot: only an open loop's send
     * lag is worth a warning.
     */
    public boolean openLoop() {
        return !(mode == TimingMode.REQUEST_RATE && profiling.pattern() == ArrivalPattern.CONCURRENCY_BURST);
    }

    /** The profiling concurrency limit, or {@link Integer#MAX_VALUE} when there is none. */
    public int concurrency() {
        return profiling.concurrency() == null ? Integer.MAX_VALUE : profiling.concurrency();
    }

    /** The profiling request count, or -1 when the phase is bounded otherwise (duration, sessions, trace). */
    public long requestCount() {
        return profiling.requestCount() == null ? -1 : profiling.requestCount();
    }

    public long warmupRequestCount() {
        return warmup == null || warmup.requestCount() == null ? 0 : warmup.requestCount();
    }
}
