package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.dataset.media.SyntheticMedia;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.Turn;
import io.aiperf.core.model.TurnContents;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The synthetic dataset: {@code numDatasetEntries} conversations whose prompts have exact token lengths drawn from
 * the ISL distribution; single-turn unless {@link InputConfig#conversations()} asks for more turns.
 *
 * <p>Generation, per entry {@code i} in order (each quantity from its own named stream of {@link RandomStreams}):
 * <ol>
 *   <li>the turn count: {@link PositiveNormal#sampleInteger} (turnMean, turnStddev) from
 *       {@value RandomStreams#CONVERSATION_TURNS}; nothing is drawn for the default (1 turn, stddev 0);</li>
 *   <li>per turn, in order:
 *     <ul>
 *       <li>for each of the {@code --prompt-batch-size} texts (one by default): its length,
 *           {@link PositiveNormal#sampleInteger} (islMean, islStddev) from {@value RandomStreams#PROMPT_LENGTH}, and a
 *           per-prompt seed, one {@code long} from {@value RandomStreams#PROMPT_CORPUS}; the prompt's start(s) in the
 *           token pool are drawn from a {@link SeededRandom} of that seed, so prompts can be cut in parallel and the
 *           result does not depend on the thread count;</li>
 *       <li>{@code max_tokens}: only when oslMean is set, {@link PositiveNormal#sampleInteger} (oslMean, oslStddev)
 *           from {@value RandomStreams#OUTPUT_LENGTH};</li>
 *       <li>think time, for turns after the first when the delay mean is positive:
 *           {@code PositiveNormal.sample(delayMean, delayStddev) * delayRatio} ms from
 *           {@value RandomStreams#TURN_DELAY};</li>
 *     </ul></li>
 *   <li>the conversation id: a version-4-shaped UUID from two {@code long}s of
 *       {@value RandomStreams#CONVERSATION_ID}.</li>
 * </ol>
 * With {@code --seq-dist}, each turn's bucket, ISL and {@code max_tokens} are drawn instead from
 * {@value RandomStreams#SEQ_DIST} (the ISL stream and the CLI's stddev are not used, and {@code max_tokens} is always
 * set; every text of a batch has the turn's ISL). With a prefix pool, each text of a first turn is
 * {@code prefix + " " + prompt} (see {@code prefixes}). A batch of several texts is one list named {@code text}, and
 * the turn's ISL is the count of its texts joined by single spaces; that count, and the count of prefixed texts, is
 * measured again (in parallel). A rankings configuration ({@link InputConfig#rankings()}) builds the
 * {@link SyntheticRankings} dataset instead.
 * Last, images, audio clips and videos when {@link InputConfig#media()} asks for them ({@link SyntheticMedia},
 * streams {@value RandomStreams#MEDIA_IMAGE}, {@value RandomStreams#MEDIA_AUDIO} and
 * {@value RandomStreams#MEDIA_VIDEO}); they do not count in the ISL.
 * Because every quantity has its own stream, a single-turn configuration draws exactly what it drew before
 * multi-turn support existed.
 * Same seed + same tokenizer + same config → the same dataset, byte for byte.
 */
public final class SyntheticDataset {

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticDataset.class);

    /** AIPerf's name of a synthetic turn's texts. */
    static final String TEXT_NAME = "text";

    private final List<Conversation> conversations;
    private final Map<String, Conversation> byId;
    private final RandomStreams streams;
    private final int poolSize;
    private final long inexactPrompts;
    private final long buildNanos;

    private SyntheticDataset(List<Conversation> conversations, RandomStreams streams, int poolSize,
                             long inexactPrompts, long buildNanos) {
        this.conversations = List.copyOf(conversations);
        this.byId = Conversation.indexById(this.conversations);
        this.streams = streams;
        this.poolSize = poolSize;
        this.inexactPrompts = inexactPrompts;
        this.buildNanos = buildNanos;
    }

    /** Builds with the built-in corpus, streams from {@code config.randomSeed()} and default parallelism. */
    public static SyntheticDataset build(InputConfig config, TextTokenizer tokenizer) {
        return builder(config, tokenizer).build();
    }

    public static Builder builder(InputConfig config, TextTokenizer tokenizer) {
        return new Builder(config, tokenizer);
    }

    /** In generation order. */
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

    /** The streams the dataset was built from (use them for anything else derived from the same seed). */
    public RandomStreams streams() {
        return streams;
    }

    /** Tokens in the pool the prompts were cut from. */
    public int poolSize() {
        return poolSize;
    }

    /** Prompts whose token count missed the sampled length (0 with any sane tokenizer). */
    public long inexactPrompts() {
        return inexactPrompts;
    }

    /** Wall time of {@link Builder#build()}, including corpus tokenization, in nanoseconds. */
    public long buildNanos() {
        return buildNanos;
    }

    /** A sampler over this dataset on its own stream {@code dataset.sampler.<strategy>}. */
    public DatasetSampler sampler(SamplingStrategy strategy) {
        return DatasetSampler.create(strategy, conversations, streams);
    }

    /** Writes {@code inputs.json}; see {@link InputsJsonWriter}. */
    public void writeInputsJson(Path file, InputsJsonWriter.PayloadRenderer renderer) throws IOException {
        InputsJsonWriter.write(file, conversations, renderer);
    }

    /** Writes {@code inputs.json} with a per-turn renderer; see {@link InputsJsonWriter}. */
    public void writeInputsJson(Path file, Function<Turn, String> renderer) throws IOException {
        InputsJsonWriter.write(file, conversations, renderer);
    }

    /** Options of a build; only the config and tokenizer are required. */
    public static final class Builder {
        private final InputConfig config;
        private final TextTokenizer tokenizer;
        private RandomStreams streams;
        private PromptCorpus corpus;
        private int[] tokenPool;
        private int threads = Math.min(PromptCorpus.MAX_THREADS, Runtime.getRuntime().availableProcessors());

        private Builder(InputConfig config, TextTokenizer tokenizer) {
            if (config == null || tokenizer == null) {
                throw new IllegalArgumentException("config and tokenizer are required");
            }
            this.config = config;
            this.tokenizer = tokenizer;
        }

        /** Streams to use instead of {@code new RandomStreams(config.randomSeed())} (e.g. the run's shared one). */
        public Builder streams(RandomStreams streams) {
            this.streams = streams;
            return this;
        }

        /** A corpus other than {@link PromptCorpus#builtin()}. */
        public Builder corpus(PromptCorpus corpus) {
            this.corpus = corpus;
            return this;
        }

        /** An already tokenized pool (made with the same tokenizer), to skip corpus tokenization. */
        public Builder tokenPool(int[] tokenPool) {
            this.tokenPool = tokenPool;
            return this;
        }

        /** Threads for tokenization and prompt cutting (the result does not depend on it). */
        public Builder threads(int threads) {
            this.threads = Math.max(1, threads);
            return this;
        }

        public SyntheticDataset build() {
            long t0 = System.nanoTime();
            int entries = config.numDatasetEntries();
            if (entries < 1) {
                throw new IllegalArgumentException("numDatasetEntries must be at least 1: " + entries);
            }
            InputConfig.Conversations shape = config.conversations();
            checkShape(shape);
            RandomStreams rs = streams != null ? streams : new RandomStreams(config.randomSeed());
            int[] pool = tokenPool != null ? tokenPool
                    : (corpus != null ? corpus : PromptCorpus.builtin()).tokenize(tokenizer, threads);
            SyntheticPromptGenerator generator =
                    new SyntheticPromptGenerator(tokenizer, pool, rs.derive(RandomStreams.PROMPT_CORPUS));
            if (config.rankings() != null) {
                List<Conversation> ranked = SyntheticRankings.conversations(config.rankings(), entries, generator,
                        rs, threads);
                return finish(ranked, generator, rs, pool, t0);
            }

            SeededRandom turnRng = rs.derive(RandomStreams.CONVERSATION_TURNS);
            SeededRandom delayRng = rs.derive(RandomStreams.TURN_DELAY);
            SeededRandom lengthRng = rs.derive(RandomStreams.PROMPT_LENGTH);
            SeededRandom startRng = rs.derive(RandomStreams.PROMPT_CORPUS);
            SeededRandom outputRng = rs.derive(RandomStreams.OUTPUT_LENGTH);
            SeededRandom idRng = rs.derive(RandomStreams.CONVERSATION_ID);
            InputConfig.Prompts shaping = config.prompts();
            SequenceDistribution seqDist = shaping.seqDist() == null ? null
                    : SequenceDistribution.parse(shaping.seqDist());
            SeededRandom seqRng = seqDist == null ? null : rs.derive(RandomStreams.SEQ_DIST);
            int batch = shaping.batchSize();
            int[] turnCounts = new int[entries];
            String[] ids = new String[entries];
            List<Integer> lengths = new ArrayList<>(entries * batch);
            List<Long> promptSeeds = new ArrayList<>(entries * batch);
            List<Integer> maxTokens = new ArrayList<>(entries);
            List<Double> delays = new ArrayList<>(entries);
            for (int i = 0; i < entries; i++) {
                // turnMean 1 / stddev 0 (the default) draws nothing here: single-turn datasets stay as they were
                turnCounts[i] = PositiveNormal.sampleInteger(turnRng, shape.turnMean(), shape.turnStddev());
                for (int t = 0; t < turnCounts[i]; t++) {
                    if (seqDist != null) {
                        SequenceDistribution.Lengths pair = seqDist.sample(seqRng);
                        for (int b = 0; b < batch; b++) { // AIPerf: every text of the batch has the turn's ISL
                            lengths.add(pair.isl());
                            promptSeeds.add(startRng.nextLong());
                        }
                        maxTokens.add(pair.osl());
                    } else {
                        for (int b = 0; b < batch; b++) {
                            lengths.add(PositiveNormal.sampleInteger(lengthRng, config.islMean(), config.islStddev()));
                            promptSeeds.add(startRng.nextLong());
                        }
                        maxTokens.add(config.oslMean() == null ? null
                                : PositiveNormal.sampleInteger(outputRng, config.oslMean(), config.oslStddev()));
                    }
                    delays.add(t > 0 && shape.delayMeanMs() > 0
                            ? PositiveNormal.sample(delayRng, shape.delayMeanMs(), shape.delayStddevMs())
                                    * shape.delayRatio()
                            : 0.0);
                }
                ids[i] = uuid(idRng);
            }

            Prompt[] prompts = generator.prompts(lengths.stream().mapToInt(Integer::intValue).toArray(),
                    promptSeeds.stream().mapToLong(Long::longValue).toArray(), threads);
            String[] prefixes = prefixes(shaping, generator, rs, entries * batch);
            // a turn's texts, then its ISL: the cut length of a plain prompt, else the count of the joined texts
            List<List<String>> turnTexts = new ArrayList<>(maxTokens.size());
            int p = 0;
            for (int i = 0; i < entries; i++) {
                for (int t = 0; t < turnCounts[i]; t++) {
                    List<String> texts = new ArrayList<>(batch);
                    for (int b = 0; b < batch; b++, p++) {
                        texts.add(t == 0 && prefixes != null ? prefixes[i * batch + b] + " " + prompts[p].text()
                                : prompts[p].text());
                    }
                    turnTexts.add(texts);
                }
            }
            boolean recount = batch > 1 || prefixes != null;
            List<Integer> counts = !recount ? null : Parallel.map(turnTexts.size(), threads, "aiperf-dataset-count",
                    k -> tokenizer.countTokens(String.join(" ", turnTexts.get(k))));
            List<Conversation> conversations = new ArrayList<>(entries);
            int k = 0;
            for (int i = 0; i < entries; i++) {
                List<Turn> turns = new ArrayList<>(turnCounts[i]);
                for (int t = 0; t < turnCounts[i]; t++, k++) {
                    List<String> texts = turnTexts.get(k);
                    int isl = recount ? counts.get(k) : prompts[k].tokens();
                    Turn turn = new Turn(texts.get(0), isl, maxTokens.get(k), delays.get(k));
                    turns.add(batch == 1 ? turn : turn.withContents(new TurnContents(
                            List.of(new NamedContents(TEXT_NAME, texts)), List.of(), List.of(), List.of()), isl));
                }
                conversations.add(new Conversation(ids[i], turns));
            }
            return finish(conversations, generator, rs, pool, t0);
        }

        private SyntheticDataset finish(List<Conversation> conversations, SyntheticPromptGenerator generator,
                                        RandomStreams rs, int[] pool, long t0) {
            long inexact = generator.inexactCount();
            if (inexact > 0) {
                LOG.warn("{} synthetic prompts could not be cut to their exact token length with tokenizer {}",
                        inexact, tokenizer.name());
            }
            List<Conversation> withMedia = SyntheticMedia.attach(conversations, config.media(), rs, threads);
            long nanos = System.nanoTime() - t0;
            LOG.debug("synthetic dataset: {} conversations from a {}-token pool in {} ms",
                    conversations.size(), pool.length, nanos / 1_000_000);
            return new SyntheticDataset(withMedia, rs, pool.length, inexact, nanos);
        }

        /**
         * The prefix of each text of each conversation's first turn ({@code count} = conversations x batch size,
         * conversation-major), or null without a prefix pool: {@code prefixPoolSize} prompts of {@code prefixLength}
         * tokens (their starts from {@value RandomStreams#PREFIX_POOL}), one drawn per text from
         * {@value RandomStreams#PREFIX_CHOICE}.
         */
        private String[] prefixes(InputConfig.Prompts shaping, SyntheticPromptGenerator generator, RandomStreams rs,
                                  int count) {
            if (!shaping.prefixPool()) {
                return null;
            }
            SeededRandom poolRng = rs.derive(RandomStreams.PREFIX_POOL);
            int n = shaping.prefixPoolSize();
            int[] lengths = new int[n];
            long[] seeds = new long[n];
            for (int j = 0; j < n; j++) {
                lengths[j] = shaping.prefixLength();
                seeds[j] = poolRng.nextLong();
            }
            Prompt[] pool = generator.prompts(lengths, seeds, threads);
            SeededRandom choice = rs.derive(RandomStreams.PREFIX_CHOICE);
            String[] out = new String[count];
            for (int i = 0; i < count; i++) {
                out[i] = pool[choice.nextInt(n)].text();
            }
            return out;
        }

        private static void checkShape(InputConfig.Conversations shape) {
            if (shape.turnMean() < 1) {
                throw new IllegalArgumentException("conversation turn mean must be at least 1: " + shape.turnMean());
            }
            for (double v : new double[] {shape.turnStddev(), shape.delayMeanMs(), shape.delayStddevMs(),
                    shape.delayRatio()}) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("conversation turn stddev, delay mean, delay stddev and delay"
                            + " ratio must be finite and non-negative: " + shape);
                }
            }
        }

        static String uuid(SeededRandom rng) {
            long msb = (rng.nextLong() & ~0xF000L) | 0x4000L;                 // version 4
            long lsb = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
            return new UUID(msb, lsb).toString();
        }
    }
}
