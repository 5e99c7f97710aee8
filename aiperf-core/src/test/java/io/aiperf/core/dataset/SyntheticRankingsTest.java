package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
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

/** The synthetic rankings dataset: one query and drawn passages per request. */
class SyntheticRankingsTest {

    @TempDir
    Path dir;

    private static InputConfig rankings(InputConfig.Rankings shape, int entries, long seed, String file) {
        return new InputConfig(550, 0, null, 0, seed, entries, file, null, null, null, null, shape, null, null);
    }

    @Test
    void eachTurnIsOneQueryAndItsPassagesOfExactLengths() {
        TextTokenizer qwen = SharedTokenizers.qwen3();
        InputConfig cfg = rankings(new InputConfig.Rankings(3, 0, 40, 0, 12, 0), 10, 7L, null);
        InputDataset ds = InputDataset.builder(cfg, qwen).tokenPool(PromptBatchTest.QwenPool.get()).build();
        assertThat(ds.size()).isEqualTo(10);
        for (Conversation c : ds.conversations()) {
            assertThat(c.turns()).hasSize(1);
            assertThat(c.systemMessage()).isNull();
            Turn t = c.firstTurn();
            assertThat(t.texts()).extracting(NamedContents::name).containsExactly("query", "passages");
            String query = t.texts().get(0).contents().get(0);
            assertThat(t.texts().get(0).contents()).hasSize(1);
            assertThat(qwen.countTokens(query)).isEqualTo(12);
            assertThat(t.texts().get(1).contents()).hasSize(3).allMatch(p -> qwen.countTokens(p) == 40);
            assertThat(t.inputTokens()).isEqualTo(qwen.countTokens(t.text()));
            assertThat(t.text()).startsWith(query + " ");
            assertThat(t.maxTokens()).isNull();
        }
        assertThat(ds.inexactPrompts()).isZero();
    }

    @Test
    void passageCountsAndLengthsFollowTheirDistributions() {
        TextTokenizer tok = PromptBatchTest.WhitespacePool.TOK;
        InputConfig cfg = rankings(new InputConfig.Rankings(6, 2, 30, 6, 10, 3), 400, 11L, null);
        InputDataset ds = InputDataset.builder(cfg, tok).tokenPool(PromptBatchTest.WhitespacePool.get()).build();
        Set<Integer> counts = new HashSet<>();
        Set<Integer> queryLengths = new HashSet<>();
        double passages = 0;
        for (Conversation c : ds.conversations()) {
            List<String> p = c.firstTurn().texts().get(1).contents();
            counts.add(p.size());
            passages += p.size();
            queryLengths.add(tok.countTokens(c.firstTurn().texts().get(0).contents().get(0)));
            assertThat(p).allMatch(s -> tok.countTokens(s) >= 1);
        }
        assertThat(counts).allMatch(n -> n >= 1);
        assertThat(counts.size()).isGreaterThan(4);
        assertThat(passages / 400).isBetween(5.6, 6.8); // ceil of N(6, 2) draws: mean about 6.5
        assertThat(queryLengths.size()).isGreaterThan(5);
    }

    @Test
    void theSameSeedGivesTheSameBytesInInputsJson() throws IOException {
        TextTokenizer tok = PromptBatchTest.WhitespacePool.TOK;
        InputConfig cfg = rankings(new InputConfig.Rankings(4, 1, 20, 4, 8, 2), 30, 99L, null);
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Path c = dir.resolve("c.json");
        InputDataset.builder(cfg, tok).threads(1).build().writeInputsJson(a, TurnJson::render);
        InputDataset.builder(cfg, tok).threads(4).build().writeInputsJson(b, TurnJson::render);
        InputDataset.builder(rankings(cfg.rankings(), 30, 100L, null), tok).build().writeInputsJson(c,
                TurnJson::render);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(Files.readAllBytes(c)).isNotEqualTo(Files.readAllBytes(a));
    }

    @Test
    void anInputFileWinsOverSyntheticRankings() throws IOException {
        Path f = dir.resolve("r.jsonl");
        Files.write(f, List.of("{\"texts\": [{\"name\": \"query\", \"contents\": [\"q\"]},"
                + " {\"name\": \"passages\", \"contents\": [\"p1\", \"p2\"]}]}"));
        InputDataset ds = InputDataset.load(rankings(InputConfig.Rankings.DEFAULT, 5, 1L, f.toString()),
                PromptBatchTest.WhitespacePool.TOK);
        assertThat(ds.size()).isEqualTo(1);
        assertThat(ds.conversations().get(0).firstTurn().text()).isEqualTo("q p1 p2");
    }
}
