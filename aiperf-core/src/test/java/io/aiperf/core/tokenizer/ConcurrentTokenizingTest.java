package io.aiperf.core.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records pipeline calls one tokenizer from several processor threads at once ({@code --record-processors}):
 * each thread must get exactly what a lone caller gets.
 */
class ConcurrentTokenizingTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 300;

    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            texts.add("Request " + i + ": the quick brown fox jumps over " + "the lazy dog ".repeat(i % 9)
                    + " — ünïcödé " + "数字".repeat(i % 4) + " 12345.67e-" + i);
        }
        return texts;
    }

    private static void assertSameAsSerial(TextTokenizer tokenizer) throws Exception {
        List<String> texts = texts();
        List<int[]> serial = new ArrayList<>();
        for (String t : texts) {
            serial.add(tokenizer.encode(t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int offset = thread;
                mismatches.add(pool.submit(() -> {
                    int bad = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        int i = (round * 7 + offset) % texts.size();
                        if (!Arrays.equals(tokenizer.encode(texts.get(i)), serial.get(i))
                                || tokenizer.countTokens(texts.get(i)) != serial.get(i).length) {
                            bad++;
                        }
                    }
                    return bad;
                }));
            }
            for (Future<Integer> f : mismatches) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void huggingFaceTokenizerGivesTheSameTokensFromManyThreads() throws Exception {
        assertSameAsSerial(TokenizerLoader.loadLocal(SharedTokenizers.require("qwen3"), "qwen3"));
    }

    @Test
    void builtinTokenizerGivesTheSameTokensFromManyThreads() throws Exception {
        assertSameAsSerial(TiktokenTextTokenizer.o200kBase());
    }
}
