package io.aiperf.core.config;

/**
 * The load shape of one phase (warmup or profiling). Stop conditions: a phase ends when any set one is met
 * ({@code requestCount} credits sent, {@code numSessions} sessions started, {@code durationS} elapsed).
 *
 * @param pattern            inter-arrival pattern; {@link ArrivalPattern#CONCURRENCY_BURST} when there is no rate
 * @param requestRate        credits per second, or null (burst)
 * @param smoothness         gamma shape k ({@code --arrival-smoothness}); 1.0 = poisson-like
 * @param concurrency        sessions in flight at once, or null for no limit
 * @param prefillConcurrency requests waiting for their first token at once, or null for no limit
 * @param requestCount       credits to send, or null
 * @param numSessions        sessions (conversations) to start, or null
 * @param durationS          seconds to keep issuing, or null
 * @param gracePeriodS       seconds after {@code durationS} to wait for in-flight requests before abandoning them
 *                           ({@code Double.POSITIVE_INFINITY} allowed)
 * @param rateRampS          seconds to ramp the rate up to {@code requestRate}, or null
 * @param concurrencyRampS   seconds to ramp the concurrency limit from 1 to {@code concurrency}, or null
 * @param prefillRampS       seconds to ramp the prefill limit from 1 to {@code prefillConcurrency}, or null
 */
public record PhaseLoad(
        ArrivalPattern pattern,
        Double requestRate,
        double smoothness,
        Integer concurrency,
        Integer prefillConcurrency,
        Long requestCount,
        Long numSessions,
        Double durationS,
        double gracePeriodS,
        Double rateRampS,
        Double concurrencyRampS,
        Double prefillRampS) {

    /** The simplest phase: {@code count} requests at a fixed concurrency, as fast as slots free up. */
    public static PhaseLoad burst(int concurrency, long count) {
        return new PhaseLoad(ArrivalPattern.CONCURRENCY_BURST, null, 1.0, concurrency, null, count, null, null, 30.0,
                null, null, null);
    }
}
