package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.dataset.file.DatasetFormat;
import io.aiperf.core.dataset.file.FileDataset;
import io.aiperf.core.dataset.file.FileDatasetLoader;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.Turn;
import io.aiperf.core.tokenizer.SharedTokenizers;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --prompt-batch-size}: several texts in one request, synthetic and from files. */
class PromptBatchTest {

    @TempDir
    Path dir;

    private static InputConfig synthetic(int isl, double stddev, int entries, InputConfig.Prompts prompts) {
        return new InputConfig(isl, stddev, null, 0, 5L, entries, null, null, null, null, prompts, null, null, null);
    }

    private static InputConfig.Prompts batch(int n) {
        return new InputConfig.Prompts(null, null, 0, 0, n, null, null);
    }

    @Test
    void eachSyntheticTurnCarriesTheBatchAsOneTextListAndItsIslCountsTheJoinedTexts() {
        TextTokenizer qwen = SharedTokenizers.qwen3();
        int[] pool = QwenPool.get();
        InputConfig cfg = synthetic(40, 10, 12, batch(4));
        SyntheticDataset ds = SyntheticDataset.builder(cfg, qwen).tokenPool(pool).build();
        Set<Integer> lengths = new HashSet<>();
        for (Conversation c : ds.conversations()) {
            Turn t = c.firstTurn();
            assertThat(t.texts()).hasSize(1);
            assertThat(t.texts().get(0).name()).isEqualTo("text");
            List<String> prompts = t.texts().get(0).contents();
            assertThat(prompts).hasSize(4);
            assertThat(t.text()).isEqualTo(String.join(" ", prompts));
            assertThat(t.inputTokens()).isEqualTo(qwen.countTokens(String.join(" ", prompts)));
            for (String p : prompts) {
                lengths.add(qwen.countTokens(p)); // each text has its own drawn, exact length
            }
        }
        assertThat(lengths.size()).as("stddev 10 gives different lengths").isGreaterThan(3);
        assertThat(ds.inexactPrompts()).isZero();
    }

    @Test
    void aBatchOfOneIsTheDatasetItAlwaysWas() {
        TextTokenizer tok = PromptBatchTest.WhitespacePool.TOK;
        int[] pool = WhitespacePool.get();
        SyntheticDataset before = SyntheticDataset.builder(synthetic(30, 5, 20, null), tok).tokenPool(pool).build();
        SyntheticDataset after = SyntheticDataset.builder(synthetic(30, 5, 20, batch(1)), tok).tokenPool(pool)
                .build();
        assertThat(after.conversations()).isEqualTo(before.conversations());
        assertThat(after.conversations()).allMatch(c -> c.firstTurn().contents().isEmpty());
    }

    @Test
    void prefixesGoOnEveryTextOfTheFirstTurn() {
        TextTokenizer tok = PromptBatchTest.WhitespacePool.TOK;
        InputConfig cfg = synthetic(10, 0, 5, new InputConfig.Prompts(null, null, 2, 3, 3, null, null));
        SyntheticDataset ds = SyntheticDataset.builder(cfg, tok).tokenPool(WhitespacePool.get()).build();
        for (Conversation c : ds.conversations()) {
            Turn t = c.firstTurn();
            assertThat(t.textContents()).hasSize(3).allMatch(p -> tok.countTokens(p) == 13);
            assertThat(t.inputTokens()).isEqualTo(39);
        }
    }

    @Test
    void aFileRowCarriesItsBatchAndNamesAndItsIslCountsTheJoinedTexts() throws IOException {
        TextTokenizer qwen = SharedTokenizers.qwen3();
        Path f = dir.resolve("rows.jsonl");
        Files.write(f, List.of(
                "{\"texts\": [\"What is a cat?\", \"What is a dog?\", \"Why?\"]}",
                "{\"texts\": [{\"name\": \"query\", \"contents\": [\"best pets\"]},"
                        + " {\"name\": \"passages\", \"contents\": [\"Cats purr.\", \"Dogs bark.\"]}]}",
                "{\"texts\": [\"just one\"]}"));
        FileDataset fd = FileDatasetLoader.builder(f, qwen).streams(new RandomStreams(1L)).load();
        Turn batch = fd.conversations().get(0).firstTurn();
        assertThat(batch.texts()).containsExactly(new NamedContents("text",
                List.of("What is a cat?", "What is a dog?", "Why?")));
        assertThat(batch.inputTokens()).isEqualTo(qwen.countTokens("What is a cat? What is a dog? Why?"));
        Turn named = fd.conversations().get(1).firstTurn();
        assertThat(named.texts()).containsExactly(NamedContents.of("query", "best pets"),
                NamedContents.of("passages", "Cats purr.", "Dogs bark."));
        assertThat(named.text()).isEqualTo("best pets Cats purr. Dogs bark.");
        assertThat(named.inputTokens()).isEqualTo(qwen.countTokens("best pets Cats purr. Dogs bark."));
        Turn plain = fd.conversations().get(2).firstTurn();
        assertThat(plain.contents().isEmpty()).as("one unnamed text stays a plain prompt").isTrue();
        assertThat(plain.text()).isEqualTo("just one");
    }

    @Test
    void aRandomPoolBatchDrawsEachTextFromEveryTextOfEveryPool() throws IOException {
        TextTokenizer tok = PromptBatchTest.WhitespacePool.TOK;
        Path pools = Files.createDirectory(dir.resolve("pools"));
        Files.write(pools.resolve("a.jsonl"), List.of("{\"text\": \"alpha\"}", "{\"texts\": [\"beta\", \"gamma\"]}"));
        Files.write(pools.resolve("b.jsonl"), List.of("{\"texts\": [{\"name\": \"p\", \"contents\": [\"delta\"]}]}"));
        FileDataset fd = FileDatasetLoader.builder(pools, tok).streams(new RandomStreams(3L)).conversations(200)
                .batchSize(5).load();
        assertThat(fd.format()).isEqualTo(DatasetFormat.RANDOM_POOL);
        Set<String> seen = new HashSet<>();
        for (Conversation c : fd.conversations()) {
            Turn t = c.firstTurn();
            assertThat(t.texts()).hasSize(1);
            assertThat(t.texts().get(0).contents()).hasSize(5);
            assertThat(t.inputTokens()).isEqualTo(5);
            seen.addAll(t.texts().get(0).contents());
        }
        assertThat(seen).containsExactlyInAnyOrder("alpha", "beta", "gamma", "delta");
        FileDataset again = FileDatasetLoader.builder(pools, tok).streams(new RandomStreams(3L)).conversations(200)
                .batchSize(5).load();
        assertThat(again.conversations()).isEqualTo(fd.conversations());
    }

    /** The built-in corpus tokenized once per JVM with each tokenizer. */
    static final class QwenPool {
        private static int[] pool;

        static synchronized int[] get() {
            if (pool == null) {
                pool = PromptCorpus.builtin().tokenize(SharedTokenizers.qwen3());
            }
            return pool;
        }
    }

    /** The whitespace tokenizer numbers words as it meets them: a pool only fits the instance that made it. */
    static final class WhitespacePool {
        static final TextTokenizer TOK = new WhitespaceTokenizer();
        private static int[] pool;

        static synchronized int[] get() {
            if (pool == null) {
                pool = PromptCorpus.builtin().tokenize(TOK);
            }
            return pool;
        }
    }
}
