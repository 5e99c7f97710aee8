package io.aiperf.mock;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Decides which fault, if any, each inference request gets. One draw per request over the configured percentages
 * laid end to end (their sum is at most 100), so the faults never overlap and, with a fixed seed and sequential
 * requests, the same requests get the same faults on every run. With only {@code --error-rate} set the draws are
 * those of the former HTTP-500-only injector.
 */
final class FaultInjector {

    private final Fault[] faults;
    private final double[] upperBoundsPct;
    // SplittableRandom is not thread-safe and requests arrive on several event loops; the lock is held for
    // one nextDouble() (uncontended in practice; not measured).
    private final SplittableRandom random;

    FaultInjector(Map<Fault, Double> ratesPct, Long seed) {
        EnumMap<Fault, Double> rates = new EnumMap<>(Fault.class);
        ratesPct.forEach((fault, pct) -> {
            if (pct > 0) {
                rates.put(fault, pct);
            }
        });
        faults = rates.keySet().toArray(new Fault[0]);
        upperBoundsPct = new double[faults.length];
        double sum = 0;
        for (int i = 0; i < faults.length; i++) {
            sum += rates.get(faults[i]);
            upperBoundsPct[i] = sum;
        }
        this.random = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
    }

    /** The fault for the next request, or null to answer it normally. */
    Fault next() {
        if (faults.length == 0) {
            return null;
        }
        double draw;
        synchronized (this) {
            draw = random.nextDouble() * 100.0;
        }
        for (int i = 0; i < faults.length; i++) {
            if (draw < upperBoundsPct[i]) {
                return faults[i];
            }
        }
        return null;
    }
}
