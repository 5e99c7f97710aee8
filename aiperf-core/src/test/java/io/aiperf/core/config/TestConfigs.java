package io.aiperf.core.config;

/** Short ways for tests to build configs; everything not named gets what a run without the option would get. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /**
     * Synthetic single-turn input: no input file, dataset type or sampling strategy, one turn per conversation,
     * default prompt options, no rankings, public dataset or media.
     */
    public static InputConfig input(int islMean, double islStddev, Integer oslMean, double oslStddev, Long randomSeed,
                                    int numDatasetEntries) {
        return new InputConfig(islMean, islStddev, oslMean, oslStddev, randomSeed, numDatasetEntries, null, null, null,
                null, null, null, null, null);
    }
}
