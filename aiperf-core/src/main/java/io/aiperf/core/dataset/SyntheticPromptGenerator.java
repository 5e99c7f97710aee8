package io.aiperf.core.dataset;

import io.aiperf.core.tokenizer.TextTokenizer;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Cuts prompts of an exact token length out of a token pool (see {@link PromptCorpus#tokenize(TextTokenizer)}).
 *
 * <p>For {@code n} tokens: pick a random start in the pool, take {@code n} consecutive ids (wrapping around the end),
 * decode. Decoding and re-encoding need not give back {@code n} tokens (BPE merges across the cut, a leading space
 * the decoder drops or the encoder adds, a multi-byte character cut in half), so the window is then adjusted:
 * take {@code k + (n - count)} ids instead of {@code k} (a secant step once two
 * window sizes are known) (and, when there are too many tokens, also try the first
 * {@code n} ids of the text's own encoding) until {@code countTokens(text) == n}. A window whose text holds a cut
 * character (U+FFFD) is only kept as a last resort. If a start does not converge within {@value #MAX_ADJUSTMENTS}
 * steps, another random start is tried, at most {@value #MAX_STARTS} times; then the closest text found is returned
 * with its true count (only a pathological tokenizer gets there; {@link #inexactCount()} counts such prompts).
 *
 * <p>Thread-safe when each caller passes its own generator to {@link #prompt(int, RandomGenerator)};
 * {@link #prompt(int)} uses the generator given at construction and is synchronized.
 */
public final class SyntheticPromptGenerator {

    static final int MAX_STARTS = 16;
    static final int MAX_ADJUSTMENTS = 8;
    private static final char REPLACEMENT = '\uFFFD';

    private final TextTokenizer tokenizer;
    private final int[] pool;
    private final RandomGenerator rng;
    private final boolean poolHasReplacement;
    private final AtomicLong inexact = new AtomicLong();

    /**
     * @param tokenizer the tokenizer the pool was made with (and that measures ISL)
     * @param pool      the token pool, not copied: do not modify it afterwards
     * @param rng       the prompt-start stream ({@link RandomStreams#PROMPT_CORPUS}) for {@link #prompt(int)}
     */
    public SyntheticPromptGenerator(TextTokenizer tokenizer, int[] pool, RandomGenerator rng) {
        if (pool == null || pool.length == 0) {
            throw new IllegalArgumentException("token pool must not be empty");
        }
        this.tokenizer = tokenizer;
        this.pool = pool;
        this.rng = rng;
        this.poolHasReplacement = tokenizer.decode(pool).indexOf(REPLACEMENT) >= 0;
    }

    /** Convenience: tokenizes {@code corpus} with {@code tokenizer}. */
    public static SyntheticPromptGenerator of(TextTokenizer tokenizer, PromptCorpus corpus, RandomGenerator rng) {
        return new SyntheticPromptGenerator(tokenizer, corpus.tokenize(tokenizer), rng);
    }

    public int poolSize() {
        return pool.length;
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /** How many prompts so far missed their length (closest returned). */
    public long inexactCount() {
        return inexact.get();
    }

    /** A prompt of {@code tokens} tokens, starts drawn from the construction-time stream. */
    public synchronized Prompt prompt(int tokens) {
        return prompt(tokens, rng);
    }

    /** A prompt of {@code tokens} tokens, starts drawn from {@code random}. {@code tokens <= 0} gives the empty prompt. */
    public Prompt prompt(int tokens, RandomGenerator random) {
        if (tokens <= 0) {
            return new Prompt("", 0);
        }
        Candidate best = null;
        for (int attempt = 0; attempt < MAX_STARTS; attempt++) {
            int start = random.nextInt(pool.length);
            best = fit(start, tokens, best);
            if (best.score == 0) {
                return best.prompt();
            }
        }
        if (best.count != tokens) {
            inexact.incrementAndGet();
        }
        return best.prompt();
    }

    /**
     * Prompts of {@code lengths[i]} tokens, the starts of prompt {@code i} drawn from {@code new SeededRandom(seeds[i])},
     * cut on up to {@code threads} threads; the result does not depend on the thread count.
     */
    public Prompt[] prompts(int[] lengths, long[] seeds, int threads) {
        if (lengths.length != seeds.length) {
            throw new IllegalArgumentException("one seed per length is needed");
        }
        return Parallel.map(lengths.length, threads, "aiperf-dataset-prompts",
                i -> prompt(lengths[i], new SeededRandom(seeds[i]))).toArray(new Prompt[0]);
    }

    /** Adjusts the window at {@code start} towards {@code n} tokens; returns the best of it and {@code best}. */
    private Candidate fit(int start, int n, Candidate best) {
        Set<Integer> tried = new HashSet<>();
        int k = n;
        int prevK = -1;
        int prevCount = -1;
        for (int step = 0; step < MAX_ADJUSTMENTS; step++) {
            tried.add(k);
            String text = tokenizer.decode(window(start, k));
            int count = tokenizer.countTokens(text);
            best = better(best, new Candidate(text, count, score(text, count, n)));
            if (best.score == 0) {
                return best;
            }
            if (cut(text)) {
                return best; // a character cut at an edge: another start is cheaper than repairing it
            }
            if (count > n) {
                int[] ids = tokenizer.encode(text);
                if (ids.length > n) {
                    String trimmed = tokenizer.decode(Arrays.copyOf(ids, n));
                    int c = tokenizer.countTokens(trimmed);
                    best = better(best, new Candidate(trimmed, c, score(trimmed, c, n)));
                    if (best.score == 0) {
                        return best;
                    }
                }
            }
            // secant step on count(k); slope 1 (one token per id) until two points are known
            double slope = 1.0;
            if (prevK >= 0 && prevK != k && prevCount != count) {
                slope = (double) (count - prevCount) / (k - prevK);
                if (!(slope > 0)) {
                    slope = 1.0;
                }
            }
            int next = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, Math.round(k + (n - count) / slope)));
            if (next == k || tried.contains(next)) {
                next = k + Integer.signum(n - count);
                if (next < 1 || tried.contains(next)) {
                    return best;
                }
            }
            prevK = k;
            prevCount = count;
            k = next;
        }
        return best;
    }

    private int[] window(int start, int k) {
        int[] ids = new int[k];
        int p = start;
        for (int i = 0; i < k; i++) {
            ids[i] = pool[p];
            if (++p == pool.length) {
                p = 0;
            }
        }
        return ids;
    }

    private boolean cut(String text) {
        return !poolHasReplacement && text.indexOf(REPLACEMENT) >= 0;
    }

    /** 0 = exact and clean; an exact text with a cut character beats any inexact one. */
    private long score(String text, int count, int n) {
        return 2L * Math.abs((long) count - n) + (cut(text) ? 1 : 0);
    }

    private static Candidate better(Candidate a, Candidate b) {
        return a == null || b.score < a.score ? b : a;
    }

    private record Candidate(String text, int count, long score) {
        Prompt prompt() {
            return new Prompt(text, count);
        }
    }
}
