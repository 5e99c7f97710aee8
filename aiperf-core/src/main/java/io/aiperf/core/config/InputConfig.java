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
 * @param prompts        hash-block size, sequence distribution, prefix pool, text batch size and context prompts
 * @param rankings       synthetic rankings shape; non-null exactly when the endpoint is a rankings endpoint
 * @param publicDataset  {@code --public-dataset} and its options, or null
 * @param media          synthetic images and audio clips per turn ({@link MediaConfig#NONE} when none)
 * @param synthesis      {@code --synthesis-*}: how a trace dataset is reshaped ({@link SynthesisConfig#NONE} when not)
 * @param accuracy       accuracy mode ({@code --accuracy-benchmark} and its options), or null when off
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
        Rankings rankings,
        PublicSource publicDataset,
        MediaConfig media,
        SynthesisConfig synthesis,
        AccuracyConfig accuracy) {

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
     * @param batchSize      {@code --prompt-batch-size}: texts per request (1 = one prompt)
     * @param sharedSystemLength {@code --shared-system-prompt-length}: tokens of the system prompt every
     *                       conversation shares, or null for none
     * @param userContextLength {@code --user-context-prompt-length}: tokens of each conversation's own user-context
     *                       message, or null for none
     */
    public record Prompts(Integer blockSize, String seqDist, int prefixPoolSize, int prefixLength, int batchSize,
                          Integer sharedSystemLength, Integer userContextLength) {

        public static final Prompts DEFAULT = new Prompts(null, null, 0, 0);

        public Prompts {
            if (blockSize != null && blockSize < 1) {
                throw new IllegalArgumentException("block size must be positive: " + blockSize);
            }
            if (prefixPoolSize < 0 || prefixLength < 0) {
                throw new IllegalArgumentException("prefix pool size and length must not be negative");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be positive: " + batchSize);
            }
            if (sharedSystemLength != null && sharedSystemLength < 1
                    || userContextLength != null && userContextLength < 1) {
                throw new IllegalArgumentException("context prompt lengths must be positive");
            }
            seqDist = seqDist == null || seqDist.isBlank() ? null : seqDist;
        }

        /** Without batching or context prompts. */
        public Prompts(Integer blockSize, String seqDist, int prefixPoolSize, int prefixLength) {
            this(blockSize, seqDist, prefixPoolSize, prefixLength, 1, null, null);
        }

        /** Whether first turns get a prefix from a pool. */
        public boolean prefixPool() {
            return prefixPoolSize > 0 && prefixLength > 0;
        }

        /** Whether conversations open with a shared system prompt or their own user context. */
        public boolean contextPrompts() {
            return sharedSystemLength != null || userContextLength != null;
        }
    }

    /**
     * Synthetic rankings requests ({@code --rankings-*}, AIPerf defaults 1/0 passages of 550/0 tokens, queries of
     * 550/0 tokens): each request is one query and a drawn number of passages.
     *
     * @param passagesMean        passages per request
     * @param passagesStddev      its standard deviation
     * @param passageTokensMean   tokens per passage
     * @param passageTokensStddev its standard deviation
     * @param queryTokensMean     tokens per query
     * @param queryTokensStddev   its standard deviation
     */
    public record Rankings(int passagesMean, int passagesStddev, int passageTokensMean, int passageTokensStddev,
                           int queryTokensMean, int queryTokensStddev) {

        public static final Rankings DEFAULT = new Rankings(1, 0, 550, 0, 550, 0);

        public Rankings {
            if (passagesMean < 1 || passageTokensMean < 1 || queryTokensMean < 1) {
                throw new IllegalArgumentException("rankings means must be positive: " + passagesMean + ", "
                        + passageTokensMean + ", " + queryTokensMean);
            }
            if (passagesStddev < 0 || passageTokensStddev < 0 || queryTokensStddev < 0) {
                throw new IllegalArgumentException("rankings standard deviations must not be negative");
            }
        }
    }

    /**
     * A public dataset fetched from the Hugging Face hub instead of {@code --input-file}.
     *
     * @param name             {@code --public-dataset} as given (checked by the loader), e.g. {@code sharegpt}
     * @param localPath        {@code --public-dataset-path}: a local copy of the dataset file, or null to use the cache
     *                         or download it
     * @param maxConversations {@code --num-dataset-entries} when given: keep at most this many conversations; null
     *                         keeps all that pass the dataset's filters
     * @param hfSubset         {@code --hf-subset}: the HF subset to read instead of the dataset's own, or null
     */
    public record PublicSource(String name, String localPath, Integer maxConversations, String hfSubset) {

        public PublicSource {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a public dataset name is required");
            }
            if (maxConversations != null && maxConversations < 1) {
                throw new IllegalArgumentException("maxConversations must be positive: " + maxConversations);
            }
        }

        /** Without {@code --hf-subset}. */
        public PublicSource(String name, String localPath, Integer maxConversations) {
            this(name, localPath, maxConversations, null);
        }
    }

    /** Without accuracy mode. */
    public InputConfig(int islMean, double islStddev, Integer oslMean, double oslStddev, Long randomSeed,
                       int numDatasetEntries, String inputFile, String customDatasetType, String samplingStrategy,
                       Conversations conversations, Prompts prompts, Rankings rankings, PublicSource publicDataset,
                       MediaConfig media, SynthesisConfig synthesis) {
        this(islMean, islStddev, oslMean, oslStddev, randomSeed, numDatasetEntries, inputFile, customDatasetType,
                samplingStrategy, conversations, prompts, rankings, publicDataset, media, synthesis, null);
    }

    /** The same inputs in accuracy mode ({@code accuracy} null turns it off). */
    public InputConfig withAccuracy(AccuracyConfig accuracy) {
        return new InputConfig(islMean, islStddev, oslMean, oslStddev, randomSeed, numDatasetEntries, inputFile,
                customDatasetType, samplingStrategy, conversations, prompts, rankings, publicDataset, media, synthesis,
                accuracy);
    }

    public InputConfig {
        conversations = conversations == null ? Conversations.SINGLE_TURN : conversations;
        prompts = prompts == null ? Prompts.DEFAULT : prompts;
        media = media == null ? MediaConfig.NONE : media;
        synthesis = synthesis == null ? SynthesisConfig.NONE : synthesis;
    }

    /** Without trace synthesis or accuracy mode. */
    public InputConfig(int islMean, double islStddev, Integer oslMean, double oslStddev, Long randomSeed,
                       int numDatasetEntries, String inputFile, String customDatasetType, String samplingStrategy,
                       Conversations conversations, Prompts prompts, Rankings rankings, PublicSource publicDataset,
                       MediaConfig media) {
        this(islMean, islStddev, oslMean, oslStddev, randomSeed, numDatasetEntries, inputFile, customDatasetType,
                samplingStrategy, conversations, prompts, rankings, publicDataset, media, SynthesisConfig.NONE, null);
    }

}
