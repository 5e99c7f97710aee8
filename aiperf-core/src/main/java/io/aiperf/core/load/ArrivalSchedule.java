package io.aiperf.core.load;

import io.aiperf.core.config.ArrivalPattern;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Arrival times of one phase, as absolute offsets from its start. Single-threaded.
 *
 * <p>Constant: {@code offset(i) = round(i * 1e9 / rate)}, from the index, so there is no accumulated rounding.
 * Poisson: cumulative exponential draws with mean {@code 1/rate}. Gamma: cumulative draws of
 * {@code Gamma(shape k, scale 1/(rate k))} (mean {@code 1/rate}, coefficient of variation {@code 1/sqrt(k)}); k = 1
 * is Poisson, larger is smoother, smaller is burstier (vLLM's {@code --burstiness}).
 */
public interface ArrivalSchedule {

    /** The offset of the next arrival from the phase start, in ns; non-decreasing. */
    long nextOffsetNs();

    static ArrivalSchedule of(ArrivalPattern pattern, double rate, double smoothness, long seed, RateRamp ramp) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be positive and finite: " + rate);
        }
        return switch (pattern) {
            case CONSTANT -> ramp == null ? new Constant(rate) : new Drawn(ramp, r -> 1.0 / r);
            case POISSON -> {
                RandomGenerator rng = new Well19937c(seed);
                yield new Drawn(ramp == null ? RateRamp.none(rate) : ramp, r -> -Math.log(1.0 - rng.nextDouble()) / r);
            }
            case GAMMA -> {
                if (!(smoothness > 0)) {
                    throw new IllegalArgumentException("arrival smoothness must be positive: " + smoothness);
                }
                RandomGenerator rng = new Well19937c(seed);
                // Unit-rate gamma draws, scaled per arrival: the shape stays fixed while a ramp changes the rate.
                GammaDistribution unit = new GammaDistribution(rng, smoothness, 1.0 / smoothness);
                yield new Drawn(ramp == null ? RateRamp.none(rate) : ramp, r -> unit.sample() / r);
            }
            case CONCURRENCY_BURST -> throw new IllegalArgumentException("concurrency_burst has no arrival schedule");
        };
    }

    /** Evenly spaced arrivals at a fixed rate, from the index. */
    final class Constant implements ArrivalSchedule {
        private final double intervalNs;
        private long index;

        Constant(double rate) {
            this.intervalNs = 1e9 / rate;
        }

        @Override
        public long nextOffsetNs() {
            return Math.round(index++ * intervalNs);
        }
    }

    /** Arrivals whose gaps are drawn (in seconds, at the rate in force at the previous arrival) and summed. */
    final class Drawn implements ArrivalSchedule {

        interface GapDraw {
            double seconds(double rate);
        }

        private final RateRamp ramp;
        private final GapDraw draw;
        private double offsetS;
        private boolean first = true;

        Drawn(RateRamp ramp, GapDraw draw) {
            this.ramp = ramp;
            this.draw = draw;
        }

        @Override
        public long nextOffsetNs() {
            if (first) {
                // The first arrival is at the phase start, as in every AIPerf rate mode.
                first = false;
                return 0;
            }
            offsetS += draw.seconds(ramp.rateAt(offsetS));
            return Math.round(offsetS * 1e9);
        }
    }
}
