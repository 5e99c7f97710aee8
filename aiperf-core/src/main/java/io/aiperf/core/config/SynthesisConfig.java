package io.aiperf.core.config;

/**
 * Trace synthesis ({@code --synthesis-*}, AIPerf's "Synthesis" group): how a trace dataset is reshaped at load time.
 *
 * @param speedupRatio        {@code --synthesis-speedup-ratio}: timestamps are divided by it (whole ms); 0 leaves
 *                            them as they are (AIPerf accepts 0 and then skips the scaling)
 * @param prefixLenMultiplier {@code --synthesis-prefix-len-multiplier}: scales each row's shared prefix (in blocks)
 * @param prefixRootMultiplier {@code --synthesis-prefix-root-multiplier}: copies of the prefix tree; each row is put
 *                            in one copy at random
 * @param promptLenMultiplier {@code --synthesis-prompt-len-multiplier}: scales each row's unique (unshared) tokens
 * @param maxIsl              {@code --synthesis-max-isl}: rows whose {@code input_length} is above it are dropped
 *                            (and a synthesized length above it is cut to it), or null
 * @param maxOsl              {@code --synthesis-max-osl}: {@code output_length} above it is capped to it, or null
 */
public record SynthesisConfig(double speedupRatio, double prefixLenMultiplier, int prefixRootMultiplier,
                              double promptLenMultiplier, Integer maxIsl, Integer maxOsl) {

    /** Every option at its default: the trace is used as it is. */
    public static final SynthesisConfig NONE = new SynthesisConfig(1.0, 1.0, 1, 1.0, null, null);

    public SynthesisConfig {
        if (!(speedupRatio >= 0) || !(prefixLenMultiplier >= 0) || !(promptLenMultiplier >= 0)
                || Double.isInfinite(speedupRatio) || Double.isInfinite(prefixLenMultiplier)
                || Double.isInfinite(promptLenMultiplier)) {
            throw new IllegalArgumentException("synthesis ratios and multipliers must be finite and not negative");
        }
        if (prefixRootMultiplier < 1) {
            throw new IllegalArgumentException("prefix root multiplier must be at least 1: " + prefixRootMultiplier);
        }
        if (maxIsl != null && maxIsl < 1 || maxOsl != null && maxOsl < 1) {
            throw new IllegalArgumentException("max ISL and max OSL must be at least 1");
        }
    }

    /**
     * Whether the rows are re-synthesized (AIPerf's {@code should_synthesize}): a ratio or multiplier is not at its
     * default. The two caps alone only filter and cap rows.
     */
    public boolean resynthesizes() {
        return speedupRatio != 1.0 || reshapesPrompts();
    }

    /** Whether hash ids and input lengths change: a length or root multiplier is not at its default. */
    public boolean reshapesPrompts() {
        return prefixLenMultiplier != 1.0 || prefixRootMultiplier != 1 || promptLenMultiplier != 1.0;
    }

    /**
     * The fixed-schedule window and zero on the sped-up clock: the offsets are given on the file's clock (the loader
     * applies them to the file's timestamps), so once the timestamps are divided by the ratio, so are they (cut to
     * whole ms like the timestamps, which keeps every kept row inside).
     */
    public LoadConfig.FixedSchedule onSpedUpClock(LoadConfig.FixedSchedule options) {
        if (options == null || !resynthesizes() || speedupRatio <= 0 || speedupRatio == 1.0) {
            return options;
        }
        return new LoadConfig.FixedSchedule(options.autoOffset(), spedUp(options.startOffsetMs()),
                spedUp(options.endOffsetMs()));
    }

    private Long spedUp(Long ms) {
        return ms == null ? null : (long) (ms / speedupRatio);
    }

    /** Whether any option is set (then the dataset must be a trace). */
    public boolean anySet() {
        return resynthesizes() || maxIsl != null || maxOsl != null;
    }
}
