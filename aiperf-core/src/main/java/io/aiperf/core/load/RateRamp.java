package io.aiperf.core.load;

/**
 * The request rate over time during {@code --request-rate-ramp-duration}: it starts at
 * {@code target * step / duration}, rises by that much every {@code step} (0.1 s, as AIPerf updates it), and holds
 * {@code target} from {@code duration} on.
 */
public final class RateRamp {

    static final double STEP_S = 0.1;

    private final double target;
    private final double durationS;

    private RateRamp(double target, double durationS) {
        this.target = target;
        this.durationS = durationS;
    }

    public static RateRamp linear(double target, double durationS) {
        if (!(durationS > 0)) {
            throw new IllegalArgumentException("ramp duration must be positive: " + durationS);
        }
        return new RateRamp(target, durationS);
    }

    static RateRamp none(double target) {
        return new RateRamp(target, 0);
    }

    /** Requests per second in force at {@code tS} seconds into the phase. */
    public double rateAt(double tS) {
        if (durationS <= 0 || tS >= durationS) {
            return target;
        }
        double steps = Math.floor(tS / STEP_S) + 1;
        return target * Math.min(1.0, steps * STEP_S / durationS);
    }
}
