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
        int numDatasetEntries) {

    public static final int DEFAULT_ISL_MEAN = 550;
    public static final int DEFAULT_NUM_DATASET_ENTRIES = 100;
}
