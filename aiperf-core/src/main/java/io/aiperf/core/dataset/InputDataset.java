package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.dataset.file.DatasetFormat;
import io.aiperf.core.dataset.file.FileDataset;
import io.aiperf.core.dataset.file.FileDatasetLoader;
import io.aiperf.core.dataset.publicdata.HfRowsLoader;
import io.aiperf.core.dataset.publicdata.PublicDataset;
import io.aiperf.core.dataset.publicdata.ShareGptLoader;
import io.aiperf.core.hub.HubSettings;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.tokenizer.TextTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The run's conversations, whatever their source: a public dataset ({@link InputConfig#publicDataset()}, e.g.
 * ShareGPT via {@link ShareGptLoader}) when one is named; else the {@link SyntheticDataset} when
 * {@link InputConfig#inputFile()} is null; else the file read by {@link FileDatasetLoader} (format from
 * {@link InputConfig#customDatasetType()} or detected). This is what the controller loads once before a run.
 *
 * <p>Sampling: {@link InputConfig#samplingStrategy()} when given, else the source's default (synthetic: shuffle;
 * random_pool: shuffle; every other file format and the public datasets: sequential).
 */
public final class InputDataset {

    private final List<Conversation> conversations;
    private final Map<String, Conversation> byId;
    private final DatasetFormat format;
    private final PublicDataset publicDataset;
    private final RandomStreams streams;
    private final SamplingStrategy samplingStrategy;
    private final int rows;
    private final boolean firstRowHasTimestamp;
    private final int droppedConversations;
    private final long inexactPrompts;
    /** Whether the conversations are an accuracy benchmark's problems ({@link InputConfig#accuracy()}). */
    private boolean accuracy;

    private InputDataset(List<Conversation> conversations, DatasetFormat format, PublicDataset publicDataset,
                         RandomStreams streams, SamplingStrategy samplingStrategy, int rows,
                         boolean firstRowHasTimestamp, int droppedConversations, long inexactPrompts) {
        this.conversations = List.copyOf(conversations);
        this.byId = Conversation.indexById(this.conversations);
        this.format = format;
        this.publicDataset = publicDataset;
        this.streams = streams;
        this.samplingStrategy = samplingStrategy;
        this.rows = rows;
        this.firstRowHasTimestamp = firstRowHasTimestamp;
        this.droppedConversations = droppedConversations;
        this.inexactPrompts = inexactPrompts;
    }

    /**
     * Loads without a fixed-schedule window.
     *
     * @throws DatasetFileException     for a bad input file, row or dataset type (one printable line)
     * @throws IllegalArgumentException for an invalid synthetic configuration or sampling strategy
     */
    public static InputDataset load(InputConfig config, TextTokenizer tokenizer) {
        return builder(config, tokenizer).build();
    }

    /**
     * Loads for a fixed-schedule run: a file's conversations must all have a first-turn timestamp and those starting
     * outside the window are dropped before their prompts are made.
     */
    public static InputDataset load(InputConfig config, TextTokenizer tokenizer, LoadConfig.FixedSchedule window) {
        return builder(config, tokenizer).fixedSchedule(window).build();
    }

    public static Builder builder(InputConfig config, TextTokenizer tokenizer) {
        return new Builder(config, tokenizer);
    }

    /** In dataset order (generation order, or order of each conversation's first row in the file). */
    public List<Conversation> conversations() {
        return conversations;
    }

    public int size() {
        return conversations.size();
    }

    /** The conversation with this id, or null. */
    public Conversation get(String conversationId) {
        return byId.get(conversationId);
    }

    /** Whether the conversations are synthetic (no input file, no public dataset, no accuracy benchmark). */
    public boolean synthetic() {
        return format == null && publicDataset == null && !accuracy;
    }

    /** Whether the conversations are an accuracy benchmark's problems. */
    public boolean accuracy() {
        return accuracy;
    }

    /** The file's format, or null when synthetic or public. */
    public DatasetFormat format() {
        return format;
    }

    /** The public dataset the conversations come from, or null. */
    public PublicDataset publicDataset() {
        return publicDataset;
    }

    /** Whether every conversation's first turn has a timestamp (a fixed schedule can replay the data). */
    public boolean hasTimestamps() {
        return conversations.stream().allMatch(c -> c.firstTurn().hasTimestamp());
    }

    /** Whether any turn carries a timestamp or a delay. */
    public boolean hasTiming() {
        return conversations.stream().flatMap(c -> c.turns().stream())
                .anyMatch(t -> t.hasTimestamp() || t.hasDelay());
    }

    /** Whether the first row of the file has a timestamp (false when synthetic). */
    public boolean firstRowHasTimestamp() {
        return firstRowHasTimestamp;
    }

    /**
     * AIPerf's automatic fixed schedule: the file is a trace whose first row has a timestamp. The CLI turns
     * fixed-schedule mode on for such a file when no other timing mode was asked for.
     */
    public boolean impliesFixedSchedule() {
        return format != null && format.isTrace() && firstRowHasTimestamp;
    }

    /**
     * Whether later turns should carry the conversation so far (earlier prompts and the live responses): true for
     * synthetic multi-turn conversations, multi_turn files and public datasets whose rows are several turns
     * (SPEED-Bench); false for single_turn sessions and traces, whose turns are sent as they are.
     */
    public boolean accumulatesHistory() {
        return synthetic() || format == DatasetFormat.MULTI_TURN
                || publicDataset != null && publicDataset.rows() != null && publicDataset.rows().allTurns();
    }

    /** The strategy to sample with: the configured one, else {@link #defaultSamplingStrategy()}. */
    public SamplingStrategy samplingStrategy() {
        return samplingStrategy;
    }

    /**
     * The source's default: shuffle for synthetic data and random_pool, sequential for every other file format and
     * for the public datasets.
     */
    public SamplingStrategy defaultSamplingStrategy() {
        return publicDataset != null || accuracy ? SamplingStrategy.SEQUENTIAL : defaultSampling(format);
    }

    static SamplingStrategy defaultSampling(DatasetFormat format) {
        return format == null || format == DatasetFormat.RANDOM_POOL ? SamplingStrategy.SHUFFLE
                : SamplingStrategy.SEQUENTIAL;
    }

    /** A sampler with {@link #samplingStrategy()} on the stream {@code dataset.sampler.<strategy>}. */
    public DatasetSampler sampler() {
        return DatasetSampler.create(samplingStrategy, conversations, streams);
    }

    /** The streams the dataset was built from. */
    public RandomStreams streams() {
        return streams;
    }

    /** Non-blank rows of the file (AIPerf's default request count with a fixed schedule); synthetic: {@link #size()}. */
    public int rows() {
        return rows;
    }

    /** Turns over all conversations. */
    public int turnCount() {
        return conversations.stream().mapToInt(Conversation::turnCount).sum();
    }

    /** Conversations left out by the fixed-schedule window at load time. */
    public int droppedConversations() {
        return droppedConversations;
    }

    /** Synthesized prompts that missed their length (0 with any sane tokenizer). */
    public long inexactPrompts() {
        return inexactPrompts;
    }

    /** The fixed-schedule send plan of these conversations; see {@link FixedSchedulePlan#of}. */
    public FixedSchedulePlan fixedSchedulePlan(LoadConfig.FixedSchedule options) {
        return FixedSchedulePlan.of(conversations, options);
    }

    /** Writes {@code inputs.json}; see {@link InputsJsonWriter}. */
    public void writeInputsJson(Path file, InputsJsonWriter.PayloadRenderer renderer) throws IOException {
        InputsJsonWriter.write(file, conversations, renderer);
    }

    /** Options of a load; only the config and tokenizer are required. */
    public static final class Builder {
        private final InputConfig config;
        private final TextTokenizer tokenizer;
        private RandomStreams streams;
        private LoadConfig.FixedSchedule fixedSchedule;
        private Integer threads;
        private int[] tokenPool;
        private PromptCorpus corpus;
        private HubSettings hub;

        private Builder(InputConfig config, TextTokenizer tokenizer) {
            if (config == null || tokenizer == null) {
                throw new IllegalArgumentException("config and tokenizer are required");
            }
            this.config = config;
            this.tokenizer = tokenizer;
        }

        /** Streams to use instead of {@code new RandomStreams(config.randomSeed())}. */
        public Builder streams(RandomStreams streams) {
            this.streams = streams;
            return this;
        }

        /** The fixed-schedule options of a fixed-schedule run (file datasets only; ignored for synthetic data). */
        public Builder fixedSchedule(LoadConfig.FixedSchedule fixedSchedule) {
            this.fixedSchedule = fixedSchedule;
            return this;
        }

        /** Threads for tokenization and prompt cutting (the result does not depend on it). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** An already tokenized pool (same tokenizer), to skip corpus tokenization. */
        public Builder tokenPool(int[] tokenPool) {
            this.tokenPool = tokenPool;
            return this;
        }

        /** A corpus other than {@link PromptCorpus#builtin()}. */
        public Builder corpus(PromptCorpus corpus) {
            this.corpus = corpus;
            return this;
        }

        /** Hub endpoint and cache for public datasets (default {@link HubSettings#fromEnvironment()}). */
        public Builder hub(HubSettings hub) {
            this.hub = hub;
            return this;
        }

        public InputDataset build() {
            RandomStreams rs = streams != null ? streams : new RandomStreams(config.randomSeed());
            SamplingStrategy configured = config.samplingStrategy() == null || config.samplingStrategy().isBlank()
                    ? null : SamplingStrategy.parse(config.samplingStrategy());
            if (config.accuracy() != null) {
                return accuracyDataset(rs, configured);
            }
            if (config.publicDataset() != null) {
                return publicDataset(config.publicDataset(), rs, configured);
            }
            String file = config.inputFile();
            DatasetFormat format = null;
            if (file != null) {
                if (file.isBlank()) {
                    throw DatasetFileException.forFile("''", "the input file name is empty");
                }
                format = declaredFormat(file);
            }
            SamplingStrategy sampling = configured;
            InputConfig.Prompts shaping = config.prompts();
            // synthetic rankings requests carry no conversation context (AIPerf's rankings composer adds none)
            boolean context = shaping.contextPrompts() && !(file == null && config.rankings() != null);
            int nThreads = threads != null ? Math.max(1, threads)
                    : Math.min(PromptCorpus.MAX_THREADS, Runtime.getRuntime().availableProcessors());
            int[] pool = tokenPool;
            if (pool == null && (file == null || context)) {
                pool = (corpus != null ? corpus : PromptCorpus.builtin()).tokenize(tokenizer, nThreads);
            }
            if (file == null) {
                SyntheticDataset ds = SyntheticDataset.builder(config, tokenizer).streams(rs).threads(nThreads)
                        .tokenPool(pool).build();
                List<Conversation> conversations = ds.conversations();
                long inexact = ds.inexactPrompts();
                if (context) {
                    SyntheticPromptGenerator generator = contextGenerator(pool);
                    conversations = ContextPrompts.apply(conversations, shaping, generator, rs, nThreads);
                    inexact += generator.inexactCount();
                }
                return new InputDataset(conversations, null, null, rs,
                        sampling != null ? sampling : defaultSampling(null), ds.size(), false, 0, inexact);
            }
            FileDatasetLoader.Builder b = FileDatasetLoader.builder(Path.of(file), tokenizer)
                    .display(file)
                    .format(format)
                    .streams(rs)
                    .outputLength(config.oslMean(), config.oslStddev())
                    .blockSize(shaping.blockSize())
                    .synthesis(config.synthesis())
                    .batchSize(shaping.batchSize())
                    .conversations(Math.max(1, config.numDatasetEntries()))
                    .fixedSchedule(fixedSchedule)
                    .tokenPool(pool)
                    .corpus(corpus)
                    .threads(nThreads);
            FileDataset fd = b.load();
            List<Conversation> conversations = fd.conversations();
            long inexact = fd.inexactPrompts();
            if (context) {
                SyntheticPromptGenerator generator = contextGenerator(pool);
                conversations = ContextPrompts.apply(conversations, shaping, generator, rs, nThreads);
                inexact += generator.inexactCount();
            }
            return new InputDataset(conversations, fd.format(), null, rs,
                    sampling != null ? sampling : defaultSampling(fd.format()), fd.rows(),
                    fd.firstRowHasTimestamp(), fd.droppedConversations(), inexact);
        }

        /** Cuts the context prompts; its own stream is unused (every prompt has its seed). */
        private SyntheticPromptGenerator contextGenerator(int[] pool) {
            return new SyntheticPromptGenerator(tokenizer, pool, new SeededRandom(0));
        }

        /** {@code --accuracy-benchmark}: one single-turn conversation per problem, sent in file order by default. */
        private InputDataset accuracyDataset(RandomStreams rs, SamplingStrategy configured) {
            List<Conversation> conversations = io.aiperf.core.dataset.accuracy.AccuracyConversations.of(
                    config.accuracy(), tokenizer, config.oslMean());
            InputDataset ds = new InputDataset(conversations, null, null, rs,
                    configured != null ? configured : SamplingStrategy.SEQUENTIAL, conversations.size(), false, 0, 0);
            ds.accuracy = true;
            return ds;
        }

        /** {@code --public-dataset}: single-turn conversations, sequential by default. */
        private InputDataset publicDataset(InputConfig.PublicSource source, RandomStreams rs,
                                           SamplingStrategy configured) {
            PublicDataset which;
            try {
                which = PublicDataset.parse(source.name());
            } catch (IllegalArgumentException e) {
                throw DatasetFileException.forFile("--public-dataset", e.getMessage());
            }
            if (which.rows() != null) {
                HfRowsLoader.Builder rows = HfRowsLoader.builder(which, tokenizer)
                        .localPath(source.localPath())
                        .subset(source.hfSubset())
                        .hub(hub)
                        .streams(rs)
                        .outputLength(config.oslMean(), config.oslStddev());
                if (source.maxConversations() != null) {
                    rows.maxConversations(source.maxConversations());
                }
                HfRowsLoader.Result r = rows.load();
                return new InputDataset(r.conversations(), null, which, rs,
                        configured != null ? configured : SamplingStrategy.SEQUENTIAL, r.conversations().size(),
                        false, 0, 0);
            }
            ShareGptLoader.Builder b = ShareGptLoader.builder(tokenizer)
                    .localPath(source.localPath())
                    .hub(hub)
                    .streams(rs)
                    .outputLengthSet(config.oslMean() != null);
            if (source.maxConversations() != null) {
                b.maxConversations(source.maxConversations());
            }
            if (threads != null) {
                b.threads(threads);
            }
            ShareGptLoader.Result r = b.load();
            return new InputDataset(r.conversations(), null, which, rs,
                    configured != null ? configured : SamplingStrategy.SEQUENTIAL, r.conversations().size(), false,
                    0, 0);
        }

        /** {@code --custom-dataset-type}, or null to detect; an unknown or unsupported type names the file. */
        private DatasetFormat declaredFormat(String file) {
            String type = config.customDatasetType();
            if (type == null || type.isBlank()) {
                return null;
            }
            try {
                return DatasetFormat.parse(type);
            } catch (IllegalArgumentException e) {
                throw DatasetFileException.forFile(file, e.getMessage());
            }
        }
    }
}
