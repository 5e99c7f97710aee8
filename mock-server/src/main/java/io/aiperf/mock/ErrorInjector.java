package io.aiperf.mock;

import java.util.SplittableRandom;

/**
 * Decides which inference requests fail with HTTP 500. One generator per server, so with a fixed seed and
 * sequential requests the same requests fail on every run.
 */
final class ErrorInjector {

    private final double ratePct;
    // SplittableRandom is not thread-safe and requests arrive on several event loops; the lock is held for
    // one nextDouble(), far cheaper than anything else done per request.
    private final SplittableRandom random;

    ErrorInjector(double ratePct, Long seed) {
        this.ratePct = ratePct;
        this.random = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
    }

    boolean shouldFail() {
        if (ratePct <= 0) {
            return false;
        }
        if (ratePct >= 100) {
            return true;
        }
        synchronized (this) {
            return random.nextDouble() * 100.0 < ratePct;
        }
    }
}
