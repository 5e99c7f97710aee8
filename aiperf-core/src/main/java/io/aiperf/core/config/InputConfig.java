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
 * @param inputFile      {@code --input-file}, or null for synthetic data
 * @param customDatasetType {@code --custom-dataset-type}, or null to detect
 * @param samplingStrategy {@code --dataset-sampling-strategy}, or null for the source's default
 * @param conversations  synthetic multi-turn shape
 * @param prompts        hash-block size, sequence distribution and prefix pool
 * @param media          synthetic images and audio clips per turn ({@link MediaConfig#NONE} when none)
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
        Conversations conversations,
        Prompts prompts,
        MediaConfig media) {

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

    /**
     * Prompt shaping options.
     *
     * @param blockSize      {@code --prompt-input-tokens-block-size}: tokens per {@code hash_ids} block, or null for
     *                       the file format's default (mooncake 512, bailian 16)
     * @param seqDist        {@code --seq-dist} as given (parsed by {@code SequenceDistribution.parse}), or null
     * @param prefixPoolSize {@code --prompt-prefix-pool-size}: distinct prefix prompts (0 = off)
     * @param prefixLength   {@code --prompt-prefix-length}: tokens per prefix prompt
     */
    public record Prompts(Integer blockSize, String seqDist, int prefixPoolSize, int prefixLength) {

        public static final Prompts DEFAULT = new Prompts(null, null, 0, 0);

        public Prompts {
            if (blockSize != null && blockSize < 1) {
                throw new IllegalArgumentException("block size must be positive: " + blockSize);
            }
            if (prefixPoolSize < 0 || prefixLength < 0) {
                throw new IllegalArgumentException("prefix pool size and length must not be negative");
            }
            seqDist = seqDist == null || seqDist.isBlank() ? null : seqDist;
        }

        /** Whether first turns get a prefix from a pool. */
        public boolean prefixPool() {
            return prefixPoolSize > 0 && prefixLength > 0;
        }
    }

    public InputConfig {
        conversations = conversations == null ? Conversations.SINGLE_TURN : conversations;
        prompts = prompts == null ? Prompts.DEFAULT : prompts;
        media = media == null ? MediaConfig.NONE : media;
    }

    /** Without synthetic media. */
    public InputConfig(int islMean, double islStddev, Integer oslMean, double oslStddev, Long randomSeed,
                       int numDatasetEntries, String inputFile, String customDatasetType, String samplingStrategy,
                       Conversations conversations, Prompts prompts) {
        this(islMean, islStddev, oslMean, oslStddev, randomSeed, numDatasetEntries, inputFile, customDatasetType,
                samplingStrategy, conversations, prompts, null);
    }

    /** Without prompt shaping options (before step 3). */
    public InputConfig(int islMean, double islStddev, Integer oslMean, double oslStddev, Long randomSeed,
                       int numDatasetEntries, String inputFile, String customDatasetType, String samplingStrategy,
                       Conversations conversations) {
        this(islMean, islStddev, oslMean, oslStddev, randomSeed, numDatasetEntries, inputFile, customDatasetType,
                samplingStrategy, conversations, (Prompts) null);
    }

    /** Synthetic single-turn input (step 1's shape). */
    public InputConfig(int islMean, double islStddev, Integer oslMean, double oslStddev, Long randomSeed,
                       int numDatasetEntries) {
        this(islMean, islStddev, oslMean, oslStddev, randomSeed, numDatasetEntries, null, null, null, null, null,
                null);
    }
}
