package io.aiperf.core.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Trace prompts built block by block from {@code hash_ids} (KV-cache reuse simulation).
 *
 * <p>A row of {@code input_length} n with hash ids {@code h0..hk} is the text of blocks {@code h0..h(k-1)}, each of
 * {@code blockSize} tokens, followed by a final block of {@code n - k*blockSize} tokens, which must be in
 * {@code (0, blockSize]} (checked by {@link #finalBlock}). The text of a block depends only on its hash id, its
 * length and the run's block seed, and is made once per run (cached), so rows sharing leading hash ids share an identical text
 * prefix. Blocks are joined with one space unless one side already has whitespace at the join; with a byte-level
 * BPE tokenizer, block texts are chosen to start at a word (a space and a letter) and not to end with whitespace, so
 * joining adds no token and merges none. The final block is cut last and its length adjusted until the whole prompt counts exactly n tokens (what the join adds or merges is
 * absorbed there; other starts of the final block are tried when that does not converge), so prefixes stay shared
 * and lengths stay exact.
 *
 * <p>Thread-safe: full blocks are made up front by {@link #prepare}; {@link #prompt} then only reads the cache.
 */
public final class HashBlockPrompts {

    private static final int MAX_FINAL_ADJUSTMENTS = 4;
    private static final int MAX_FINAL_STARTS = 32;
    private static final int MAX_CLEAN_STARTS = 32;

    private final SyntheticPromptGenerator generator;
    private final int blockSize;
    private final long blockSeed;
    private final Map<Integer, String> blocks = new HashMap<>();
    private final AtomicLong inexact = new AtomicLong();
    private final boolean spaceStyle;

    /**
     * @param generator cuts exact-length texts from the token pool
     * @param blockSize tokens per hash-id block ({@code --prompt-input-tokens-block-size})
     * @param blockSeed seed of the run's blocks (stream {@link RandomStreams#HASH_BLOCK}); block {@code h} is cut with
     *                  generators seeded from it and {@code h} alone
     */
    public HashBlockPrompts(SyntheticPromptGenerator generator, int blockSize, long blockSeed) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be positive: " + blockSize);
        }
        this.generator = generator;
        this.blockSize = blockSize;
        this.blockSeed = blockSeed;
        this.spaceStyle = spaceStyle(generator, blockSeed);
    }

    public int blockSize() {
        return blockSize;
    }

    /**
     * The final block's length: {@code inputLength - (hashCount - 1) * blockSize}.
     *
     * @return the length, in {@code (0, blockSize]}
     * @throws IllegalArgumentException with a one-line reason when it is outside
     */
    public static int finalBlock(int inputLength, int hashCount, int blockSize) {
        if (hashCount < 1) {
            throw new IllegalArgumentException("'hash_ids' must not be empty");
        }
        long last = (long) inputLength - (long) (hashCount - 1) * blockSize;
        if (last <= 0 || last > blockSize) {
            throw new IllegalArgumentException("'input_length' " + inputLength + " does not fit " + hashCount
                    + " hash_ids of block size " + blockSize + ": the final block would have " + last
                    + " tokens, but it must have between 1 and " + blockSize + " (input_length must be in ["
                    + ((long) (hashCount - 1) * blockSize + 1) + ", " + (long) hashCount * blockSize + "])");
        }
        return (int) last;
    }

    /** Cuts (once) the full blocks of all these rows' hash ids (all but each row's last), on up to {@code threads}. */
    public void prepare(List<List<Integer>> hashIdRows, int threads) {
        Set<Integer> needed = new LinkedHashSet<>();
        for (List<Integer> ids : hashIdRows) {
            for (int i = 0; i < ids.size() - 1; i++) {
                if (!blocks.containsKey(ids.get(i))) {
                    needed.add(ids.get(i));
                }
            }
        }
        List<Integer> todo = new ArrayList<>(needed);
        List<String> texts = Parallel.map(todo.size(), threads, "aiperf-dataset-blocks",
                k -> block(todo.get(k)));
        for (int k = 0; k < todo.size(); k++) {
            blocks.put(todo.get(k), texts.get(k));
        }
    }

    /** The text of full block {@code hashId} ({@link #prepare}d or cut now). */
    String block(int hashId) {
        String cached = blocks.get(hashId);
        if (cached != null) {
            return cached;
        }
        String first = null;
        for (int attempt = 0; attempt < MAX_CLEAN_STARTS; attempt++) {
            Prompt p = generator.prompt(blockSize, new SeededRandom(seedOf(hashId, attempt)));
            if (p.tokens() == blockSize && joinsCleanly(p.text())) {
                return p.text();
            }
            first = first == null ? p.text() : first;
        }
        return first;
    }

    private long seedOf(int hashId, int attempt) {
        return blockSeed ^ (0x9E3779B97F4A7C15L * (hashId + 1L)) ^ (0xC2B2AE3D27D4EB4FL * attempt);
    }

    /**
     * Whether {@code text} can be put after another block without changing either's token count: with a
     * tokenizer whose decoded windows start with a space (byte-level BPE), the text must start with a space and a
     * letter (a word start, where pre-tokenization always splits) and not end with whitespace; with others
     * (whose decoded text never starts with a space) blocks are joined with a space and any text will do.
     */
    private boolean joinsCleanly(String text) {
        if (!spaceStyle) {
            return true;
        }
        return text.length() > 1 && text.charAt(0) == ' ' && Character.isLetter(text.charAt(1))
                && !Character.isWhitespace(text.charAt(text.length() - 1));
    }

    /** Whether decoded windows of the pool (a sample of them) ever start with a space. */
    private static boolean spaceStyle(SyntheticPromptGenerator generator, long seed) {
        SeededRandom rng = new SeededRandom(seed);
        for (int i = 0; i < 32; i++) {
            String t = generator.prompt(4, rng).text();
            if (!t.isEmpty() && t.charAt(0) == ' ') {
                return true;
            }
        }
        return false;
    }

    /**
     * The prompt of {@code inputLength} tokens for these hash ids. The final block is cut from the starts of the last
     * hash id's block, in the same order, so a full final block is that block's text, a partial one usually starts
     * like it, and equal (hash_ids, input_length) rows get equal prompts.
     * Call {@link #prepare} with the row first (or the full blocks are cut, uncached, on each call).
     */
    public Prompt prompt(int inputLength, List<Integer> hashIds) {
        int last = finalBlock(inputLength, hashIds.size(), blockSize);
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < hashIds.size() - 1; i++) {
            join(prefix, block(hashIds.get(i)));
        }
        String head = prefix.toString();
        var tokenizer = generator.tokenizer();
        Prompt best = null;
        for (int attempt = 0; attempt < MAX_FINAL_STARTS; attempt++) {
            // first from the last hash id's own seed: a full final block is that block's cached text, a partial one
            // starts where it does, and equal (hash_ids, input_length) rows get equal prompts
            long seed = seedOf(hashIds.get(hashIds.size() - 1), attempt);
            int target = last;
            Set<Integer> tried = new HashSet<>();
            for (int step = 0; step < MAX_FINAL_ADJUSTMENTS && target >= 1 && tried.add(target); step++) {
                String tail = generator.prompt(target, new SeededRandom(seed)).text();
                if (!joinsCleanly(tail) && attempt < MAX_CLEAN_STARTS - 1) {
                    break; // as for full blocks: another start
                }
                StringBuilder sb = new StringBuilder(head);
                join(sb, tail);
                String text = sb.toString();
                int count = tokenizer.countTokens(text);
                if (best == null || Math.abs(count - inputLength) < Math.abs(best.tokens() - inputLength)) {
                    best = new Prompt(text, count);
                }
                if (count == inputLength) {
                    return best;
                }
                target += inputLength - count;
            }
        }
        inexact.incrementAndGet();
        return best != null ? best : new Prompt(head, tokenizer.countTokens(head));
    }

    /**
     * Prompts from {@link #prompt} that missed their length (closest returned). Blocks and trial final blocks the
     * generator could not cut exactly do not count: only whole prompts are measured.
     */
    public long inexactCount() {
        return inexact.get();
    }

    private static void join(StringBuilder sb, String next) {
        if (sb.length() > 0 && !next.isEmpty() && !Character.isWhitespace(sb.charAt(sb.length() - 1))
                && !Character.isWhitespace(next.charAt(0))) {
            sb.append(' ');
        }
        sb.append(next);
    }
}
