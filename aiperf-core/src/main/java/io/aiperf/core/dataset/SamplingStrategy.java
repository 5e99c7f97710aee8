package io.aiperf.core.dataset;

import io.aiperf.core.config.OptionValues;

/** {@code --dataset-sampling-strategy}: how conversations are handed out to requests. */
public enum SamplingStrategy {
    /** Without replacement in a random order; reshuffled each time all were used (AIPerf's default). */
    SHUFFLE("shuffle"),
    /** In dataset order, wrapping around. */
    SEQUENTIAL("sequential"),
    /** Uniformly at random with replacement. */
    RANDOM("random");

    public static final SamplingStrategy DEFAULT = SHUFFLE;

    private final String cliName;

    SamplingStrategy(String cliName) {
        this.cliName = cliName;
    }

    /** The CLI spelling, e.g. {@code shuffle}. */
    public String cliName() {
        return cliName;
    }

    /** Parses a CLI spelling (case-insensitive, {@code -} and {@code _} alike). */
    public static SamplingStrategy parse(String s) {
        SamplingStrategy strategy = OptionValues.find(SamplingStrategy.class, SamplingStrategy::cliName, s);
        if (strategy == null) {
            throw new IllegalArgumentException("unknown dataset sampling strategy '" + s + "'; expected one of "
                    + OptionValues.list(SamplingStrategy.class, SamplingStrategy::cliName));
        }
        return strategy;
    }

    @Override
    public String toString() {
        return cliName;
    }
}
