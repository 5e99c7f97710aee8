package io.aiperf.core.dataset;

import io.aiperf.core.model.Conversation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Named, independent random streams derived from the global {@code --random-seed}.
 *
 * <p>Each consumer asks for its own stream by a dotted name ({@code dataset.prompt.corpus},
 * {@code timing.request.poisson_interval}, ...). The stream's seed is a stable 64-bit hash of the pair
 * (global seed, name): the first eight bytes (big-endian) of SHA-256 over the global seed as eight big-endian bytes
 * followed by the UTF-8 bytes of the name. A stream therefore depends only on the global seed and its own name:
 * adding, removing or reordering other streams never changes its values.
 *
 * <p>With a null global seed, one seed is drawn from system entropy when this object is built, and all streams are
 * derived from it; {@link #globalSeed()} reports it so that such a run can be reproduced.
 *
 * <p>This object is immutable and thread-safe; the generators it hands out are not (one per consumer).
 */
public final class RandomStreams {

    /** Prompt start positions in the token pool. */
    public static final String PROMPT_CORPUS = "dataset.prompt.corpus";
    /** Input sequence length (ISL) per prompt. */
    public static final String PROMPT_LENGTH = "dataset.prompt.length";
    /** Output sequence length ({@code max_tokens}) per turn. */
    public static final String OUTPUT_LENGTH = "dataset.output.length";
    /** Conversation (session) ids. */
    public static final String CONVERSATION_ID = "dataset.conversation.id";
    /** Turns per synthetic conversation ({@code --conversation-turn-mean/-stddev}). */
    public static final String CONVERSATION_TURNS = "dataset.conversation.turns";
    /** Think time before synthetic turns after the first ({@code --conversation-turn-delay-*}). */
    public static final String TURN_DELAY = "dataset.conversation.turn_delay";
    /** Seeds of the hash-id blocks of trace prompts (one per run; block {@code h} from it and {@code h}). */
    public static final String HASH_BLOCK = "dataset.prompt.hash_block";
    /** Prompts of the prefix pool ({@code --prompt-prefix-pool-size}). */
    public static final String PREFIX_POOL = "dataset.prompt.prefix_pool";
    /** Which prefix of the pool each conversation's first turn gets. */
    public static final String PREFIX_CHOICE = "dataset.prompt.prefix_choice";
    /** Which {@code --seq-dist} bucket each turn draws, and the lengths drawn in it. */
    public static final String SEQ_DIST = "dataset.prompt.seq_dist";
    /** Passages per synthetic rankings request ({@code --rankings-passages-mean/-stddev}). */
    public static final String RANKINGS_PASSAGES = "dataset.rankings.passages";
    /** Token length of each synthetic rankings passage. */
    public static final String RANKINGS_PASSAGE_TOKENS = "dataset.rankings.passages.tokens";
    /** Token length of each synthetic rankings query. */
    public static final String RANKINGS_QUERY_TOKENS = "dataset.rankings.query.tokens";
    /** Start of the shared system prompt ({@code --shared-system-prompt-length}). */
    public static final String SHARED_SYSTEM_PROMPT = "dataset.prompt.shared_system";
    /** Starts of the per-conversation user-context prompts ({@code --user-context-prompt-length}). */
    public static final String USER_CONTEXT_PROMPT = "dataset.prompt.user_context";
    /** Trace synthesis: which copy of the prefix tree each row goes to ({@code --synthesis-prefix-root-multiplier}). */
    public static final String SYNTHESIS = "dataset.synthesis.synthesizer";
    /** Rows drawn from random_pool files. */
    public static final String RANDOM_POOL = "dataset.random_pool";
    /** Synthetic images: each image's size, format (with {@code --image-format random}) and drawing seed. */
    public static final String MEDIA_IMAGE = "dataset.media.image";
    /** Synthetic audio clips: each clip's length, sample rate, depth and noise seed. */
    public static final String MEDIA_AUDIO = "dataset.media.audio";
    /** Synthetic videos: each video's frame seed and audio-track seed. */
    public static final String MEDIA_VIDEO = "dataset.media.video";
    /** Which {@code -m} model each turn gets with {@code --model-selection-strategy random}. */
    public static final String MODEL_SELECTION = "dataset.model_selection";
    /** Prefix of the dataset samplers' streams; the strategy's CLI name is appended. */
    public static final String SAMPLER_PREFIX = "dataset.sampler.";

    private final long globalSeed;
    private final boolean seeded;

    /** @param globalSeed {@code --random-seed}, or null for one draw of system entropy */
    public RandomStreams(Long globalSeed) {
        this.seeded = globalSeed != null;
        this.globalSeed = globalSeed != null ? globalSeed : new SecureRandom().nextLong();
    }

    public static RandomStreams of(Long globalSeed) {
        return new RandomStreams(globalSeed);
    }

    /** The global seed in use (the entropy draw when none was given). */
    public long globalSeed() {
        return globalSeed;
    }

    /** Whether the user gave a seed (false: entropy). */
    public boolean seeded() {
        return seeded;
    }

    /** The stable seed of stream {@code name}. */
    public long seedOf(String name) {
        return seedOf(globalSeed, name);
    }

    /** The stable seed of stream {@code name} under {@code globalSeed}. */
    public static long seedOf(long globalSeed, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("stream name must not be empty");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(globalSeed).array());
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** A fresh generator for stream {@code name}; same name, same values. Cross-JDK reproducible. */
    public SeededRandom derive(String name) {
        return new SeededRandom(seedOf(name));
    }

    /** A {@link SplittableRandom} seeded for stream {@code name}, for consumers that need that type. */
    public SplittableRandom deriveSplittable(String name) {
        return new SplittableRandom(seedOf(name));
    }

    /** A {@link Random} seeded for stream {@code name}, for consumers that need that type. */
    public Random deriveRandom(String name) {
        return new Random(seedOf(name));
    }

    @Override
    public String toString() {
        return "RandomStreams[globalSeed=" + globalSeed + (seeded ? "" : " (entropy)") + "]";
    }
}
