package io.aiperf.cli.tools;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Generates a trace whose request rate and ISL/OSL mix each follow a sine that starts at its minimum:
 * {@code v(t) = mid − amp·cos(2πt/period)} with {@code mid = (min+max)/2}, {@code amp = (max−min)/2}.
 *
 * <p>Time is cut into steps of {@code timeStep} seconds (the last one may be shorter). Within a step requests
 * arrive as a Poisson process whose constant rate is the sine's exact average over the step, so the expected
 * number of requests in any whole number of steps equals the integral of the rate. Each request uses the first
 * (ISL, OSL) pair with probability equal to the mix sine at its arrival time, the second pair otherwise.
 *
 * <p>Everything random comes from streams split off one {@link SplittableRandom} seeded with the seed: arrivals,
 * pair choice and hash ids each have their own stream, so the same seed gives the same file on every JVM.
 */
final class SineTraceGenerator {

    /** The generator's settings, already validated. {@code totalBlocks} 0 means no hash ids. */
    record Settings(double durationS, double timeStepS,
                    double rateMin, double rateMax, double ratePeriodS,
                    int isl1, int osl1, int isl2, int osl2,
                    double mixMin, double mixMax, double mixPeriodS,
                    long seed, int blockSize, long totalBlocks) {
    }

    /** What was written. */
    record Result(long requests, long firstPairRequests) {
    }

    private final Settings s;

    SineTraceGenerator(Settings settings) {
        this.s = settings;
    }

    /** The sine {@code min → max → min} with the given period, at time {@code t}. */
    static double sine(double min, double max, double period, double t) {
        return (min + max) / 2 - (max - min) / 2 * Math.cos(2 * Math.PI * t / period);
    }

    /** The integral of {@link #sine} over {@code [a, b]}. */
    static double sineIntegral(double min, double max, double period, double a, double b) {
        double w = 2 * Math.PI / period;
        return (min + max) / 2 * (b - a) - (max - min) / 2 * (Math.sin(w * b) - Math.sin(w * a)) / w;
    }

    Result generate(MooncakeRowWriter out) throws IOException {
        SplittableRandom root = new SplittableRandom(s.seed());
        SplittableRandom arrivals = root.split();
        SplittableRandom mix = root.split();
        SplittableRandom blocks = root.split();
        long requests = 0;
        long first = 0;
        long steps = (long) Math.ceil(s.durationS() / s.timeStepS() - 1e-9);
        for (long k = 0; k < steps; k++) {
            double a = k * s.timeStepS();
            double b = Math.min(s.durationS(), (k + 1) * s.timeStepS());
            if (b <= a) {
                break;
            }
            double rate = sineIntegral(s.rateMin(), s.rateMax(), s.ratePeriodS(), a, b) / (b - a);
            if (rate <= 0) {
                continue;
            }
            double t = a;
            while (true) {
                t += -Math.log(1.0 - arrivals.nextDouble()) / rate;
                if (t >= b) {
                    break;
                }
                boolean firstPair = mix.nextDouble() < sine(s.mixMin(), s.mixMax(), s.mixPeriodS(), t);
                int isl = firstPair ? s.isl1() : s.isl2();
                int osl = firstPair ? s.osl1() : s.osl2();
                out.write(Math.round(t * 1000.0), isl, osl, hashIds(blocks, isl));
                requests++;
                if (firstPair) {
                    first++;
                }
            }
        }
        return new Result(requests, first);
    }

    private long[] hashIds(SplittableRandom random, int isl) {
        if (s.totalBlocks() == 0) {
            return null;
        }
        long[] ids = new long[(isl + s.blockSize() - 1) / s.blockSize()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextLong(s.totalBlocks());
        }
        return ids;
    }
}
