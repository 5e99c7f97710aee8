package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.config.TestConfigs;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import io.aiperf.core.tokenizer.SharedTokenizers;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact prompt lengths with real Hugging Face tokenizers (skipped when the tokenizer files are absent). */
class RealTokenizerExactLengthTest {

    private static final Map<String, int[]> POOLS = new ConcurrentHashMap<>();

    static Stream<Arguments> cases() {
        return Stream.of("qwen3", "llama2").flatMap(t ->
                Stream.of(1, 2, 7, 100, 550, 3000).map(n -> Arguments.of(t, n)));
    }

    private static int[] pool(String name, TextTokenizer tok) {
        return POOLS.computeIfAbsent(name, k -> PromptCorpus.builtin().tokenize(tok));
    }

    @ParameterizedTest(name = "{0} {1} tokens")
    @MethodSource("cases")
    void promptsHaveExactlyTheRequestedTokenCount(String name, int n) {
        TextTokenizer tok = SharedTokenizers.load(name);
        int[] pool = pool(name, tok);
        SyntheticPromptGenerator gen = new SyntheticPromptGenerator(tok, pool, new SeededRandom(n * 31L + 7));
        int prompts = n >= 3000 ? 8 : 25;
        for (int i = 0; i < prompts; i++) {
            Prompt p = gen.prompt(n);
            assertThat(tok.countTokens(p.text())).as("%s prompt %d: '%s'", name, i, p.text()).isEqualTo(n);
            assertThat(p.tokens()).isEqualTo(n);
            assertThat(p.text()).doesNotContain("\uFFFD");
        }
        assertThat(gen.inexactCount()).isZero();
    }

    /** The default dataset (100 entries x 550 tokens) with Qwen3: every prompt exact; prints the build time. */
    @Test
    void defaultDatasetWithQwen3() {
        TextTokenizer tok = SharedTokenizers.qwen3();
        InputConfig cfg = TestConfigs.input(InputConfig.DEFAULT_ISL_MEAN, 0, null, 0, 42L,
                InputConfig.DEFAULT_NUM_DATASET_ENTRIES);
        SyntheticDataset.build(cfg, tok); // warm-up (JIT, native library)
        long t0 = System.nanoTime();
        SyntheticDataset ds = SyntheticDataset.build(cfg, tok);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("[dataset] default synthetic dataset (100 x 550 tokens, Qwen3, %d-token pool): %d ms%n",
                ds.poolSize(), ms);
        assertThat(ds.size()).isEqualTo(100);
        assertThat(ds.inexactPrompts()).isZero();
        for (Conversation c : ds.conversations()) {
            Turn t = c.firstTurn();
            assertThat(t.inputTokens()).isEqualTo(550);
            assertThat(tok.countTokens(t.text())).isEqualTo(550);
        }
        // same seed again: identical
        assertThat(SyntheticDataset.build(cfg, tok).conversations()).isEqualTo(ds.conversations());
    }

    @Test
    void variableLengthsWithLlama2() {
        TextTokenizer tok = SharedTokenizers.llama2();
        InputConfig cfg = TestConfigs.input(200, 80, 64, 10, 7L, 60);
        SyntheticDataset ds = SyntheticDataset.builder(cfg, tok).tokenPool(pool("llama2", tok)).build();
        assertThat(ds.inexactPrompts()).isZero();
        for (Conversation c : ds.conversations()) {
            Turn t = c.firstTurn();
            assertThat(tok.countTokens(t.text())).isEqualTo(t.inputTokens());
            assertThat(t.inputTokens()).isGreaterThanOrEqualTo(1);
            assertThat(t.maxTokens()).isNotNull().isGreaterThanOrEqualTo(1);
        }
        assertThat(ds.conversations().stream().mapToInt(c -> c.firstTurn().inputTokens()).distinct().count())
                .isGreaterThan(20);
    }
}
