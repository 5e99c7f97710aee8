package io.aiperf.core.load;

import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.model.CreditPhase;

import java.util.SplittableRandom;

/**
 * Which credits are cancelled on purpose ({@code --request-cancellation-rate}, {@code --request-cancellation-delay}).
 * One draw per credit, in credit order, from the phase's own stream: the same seed cancels the same credits.
 */
final class CancellationPolicy {

    /**
     * Mixed into the phase seed so that the cancellation draws are a stream of their own, apart from the arrival
     * gaps (which use the phase seed itself): turning cancellation on never moves an arrival.
     */
    static final long STREAM_SALT = 0x6a09e667f3bcc909L;

    private final Double ratePct;
    private final long delayNs;
    private final SplittableRandom random;

    CancellationPolicy(Double ratePct, long delayNs, long phaseSeed) {
        this.ratePct = ratePct;
        this.delayNs = delayNs;
        this.random = new SplittableRandom(phaseSeed ^ STREAM_SALT);
    }

    /** Warmup never cancels on purpose: its requests only warm the server up and are never recorded. */
    static CancellationPolicy forPhase(CreditPhase phase, LoadConfig config, long phaseSeed) {
        Double pct = phase == CreditPhase.PROFILING ? config.cancellationRatePct() : null;
        return new CancellationPolicy(pct, (long) (config.cancellationDelayS() * 1e9), phaseSeed);
    }

    /** The next credit's cancel-after delay, or null to let it run. Draws only when cancellation is on. */
    Long nextCancelAfterNs() {
        return ratePct != null && random.nextDouble() * 100.0 < ratePct ? delayNs : null;
    }
}
