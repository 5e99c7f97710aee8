package io.aiperf.core.config;

/**
 * What is sent: synthetic prompt and output lengths.
 *
 * @param islMean        {@code --synthetic-input-tokens-mean} (AIPerf default 550)
 * @param islStddev      {@code --synthetic-input-tokens-stddev}
 * @param oslMean        {@code --output-tokens-mean}, or null: then no max-tokens field is sent
 * @param oslStddev      {@code --output-tokens-stddev}
 * @param randomSeed     {@code --random-seed}, or null for system entropy
 * @param numDatasetEntries {@code --num-dataset-entries} (AIPerf default 100)
 */
public record InputConfig(
        int islMean,
        double islStddev,
        Integer oslMean,
        double oslStddev,
        Long randomSeed,
        int numDatasetEntries,
        String inputFile,
        String customDatasetType,
        String samplingStrategy,
        Conversations conversations) {

    public static final int DEFAULT_ISL_MEAN = 550;
    public static final int DEFAULT_NUM_DATASET_ENTRIES = 100;

    /**
     * Shape of synthetic multi-turn conversations ({@code --conversation-turn-*}).
     *
     * @param turnMean         turns per conversation (AIPerf default 1)
     * @param turnStddev       its standard deviation
     * @param delayMeanMs      think time before turns after the first
     * @param delayStddevMs    its standard deviation
     * @param delayRatio       multiplier applied to every sampled delay
     */
    public record Conversations(int turnMean, double turnStddev, double delayMeanMs, double delayStddevMs,
                                double delayRatio) {

        public static final Conversations SINGLE_TURN = new Conversations(1, 0, 0, 0, 1.0);
    }

    public InputConfig {
        conversations = conversations == null ? Conversations.SINGLE_TURN : conversations;
    }

    /** Synthetic single-turn input (step 1's shape). */
    public InputConfig(int islMean, double islStddev, Integer oslMean, double oslStddev, Long randomSeed,
                       int numDatasetEntries) {
        this(islMean, islStddev, oslMean, oslStddev, randomSeed, numDatasetEntries, null, null, null, null);
    }
}
