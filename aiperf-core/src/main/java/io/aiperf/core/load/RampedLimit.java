package io.aiperf.core.load;

/**
 * A slot limit that rises from 1 to its target over a ramp ({@code --concurrency-ramp-duration},
 * {@code --prefill-concurrency-ramp-duration}), then holds the target; without a ramp it is the target throughout.
 */
final class RampedLimit {

    /** No limit at all; a ramp of "no limit" is still no limit. */
    static final RampedLimit NONE = new RampedLimit(Integer.MAX_VALUE, null);

    private final int target;
    private final Double rampS;

    private RampedLimit(int target, Double rampS) {
        this.target = target;
        this.rampS = rampS;
    }

    /** @param target the limit, or null for none; @param rampS the ramp in seconds, or null */
    static RampedLimit of(Integer target, Double rampS) {
        return target == null ? NONE : new RampedLimit(target, rampS);
    }

    /** The limit in force {@code elapsedNs} into the phase. */
    int at(long elapsedNs) {
        if (rampS == null || rampS <= 0) {
            return target;
        }
        double progress = elapsedNs / (rampS * 1e9);
        if (progress >= 1) {
            return target;
        }
        return Math.max(1, 1 + (int) Math.floor((target - 1) * progress));
    }
}
